// Draws a chart from the data table that follows it, so the table is always there as the accessible alternative.
// Series differ by line style and point shape as well as colour.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }
  var palette = ['#0b6e4f', '#6b3fa0', '#b35c00', '#1f5fa8'];
  var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  var points = ['circle', 'rect', 'triangle', 'rectRot'];

  document.querySelectorAll('figure[data-chart="line"]').forEach(function (figure) {
    var table = document.getElementById(figure.getAttribute('data-chart-table'));
    if (!table) {
      return;
    }
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    var rows = table.querySelectorAll('tbody tr');
    var labels = [];
    var series = headers.slice(1).map(function () { return []; });
    rows.forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      row.querySelectorAll('td').forEach(function (cell, i) {
        var value = parseFloat(cell.textContent);
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
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: series.map(function (values, i) {
          return {
            label: headers[i + 1],
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
          y: {
            min: min === null ? undefined : parseFloat(min),
            max: max === null ? undefined : parseFloat(max),
            ticks: { stepSize: 1 }
          }
        },
        plugins: { legend: { labels: { usePointStyle: true } } }
      }
    });
  });
})();
