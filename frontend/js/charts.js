// Draws a chart from the data table that follows it, so the table is always there as the accessible alternative.
// Series differ by line style and point shape as well as colour. A cell's data-value, when present, is the number
// drawn (a duration written "7 h 30 min" is drawn as 7.5 hours); columns marked data-chart-skip are not drawn.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }
  var palette = ['#0b6e4f', '#6b3fa0', '#b35c00', '#1f5fa8'];
  var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  var points = ['circle', 'rect', 'triangle', 'rectRot'];

  document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
    var table = document.getElementById(figure.getAttribute('data-chart-table'));
    if (!table) {
      return;
    }
    var type = figure.getAttribute('data-chart') === 'bar' ? 'bar' : 'line';
    var stacked = figure.hasAttribute('data-chart-stacked');
    var headerCells = Array.prototype.slice.call(table.querySelectorAll('thead th'), 1);
    var drawn = headerCells.map(function (th) { return !th.hasAttribute('data-chart-skip'); });
    var headers = headerCells.map(function (th) { return th.textContent.trim(); });
    var rows = table.querySelectorAll('tbody tr');
    var labels = [];
    var series = headers.map(function () { return []; });
    rows.forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      row.querySelectorAll('td').forEach(function (cell, i) {
        var text = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent;
        var value = parseFloat(text);
        series[i].push(isNaN(value) ? null : value);
      });
    });
    var caption = table.querySelector('caption');
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', caption ? caption.textContent.trim() : '');
    figure.appendChild(canvas);
    var min = figure.getAttribute('data-chart-min');
    var max = figure.getAttribute('data-chart-max');
    var unit = figure.getAttribute('data-chart-unit');
    var datasets = [];
    series.forEach(function (values, i) {
      if (drawn[i]) {
        datasets.push({ values: values, label: headers[i] });
      }
    });
    new window.Chart(canvas, {
      type: type,
      data: {
        labels: labels,
        datasets: datasets.map(function (set, i) {
          var values = set.values;
          return {
            label: set.label,
            data: values,
            borderColor: palette[i % palette.length],
            backgroundColor: palette[i % palette.length],
            borderDash: dashes[i % dashes.length],
            pointStyle: points[i % points.length],
            pointRadius: 4,
            spanGaps: false,
            tension: 0.2
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: stacked },
          y: {
            stacked: stacked,
            min: min === null ? undefined : parseFloat(min),
            max: max === null ? undefined : parseFloat(max),
            // Whole steps suit a fixed 1-to-5 scale; free scales (steps, heart rate) choose their own.
            ticks: min !== null && max !== null ? { stepSize: 1 } : {},
            title: { display: unit !== null, text: unit || '' }
          }
        },
        plugins: { legend: { labels: { usePointStyle: true } } }
      }
    });
  });
})();
