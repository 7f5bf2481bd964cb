// Keeps an export's progress current while it is prepared; without this script the page has a link to check again.
(function () {
  'use strict';
  var region = document.querySelector('[data-export-status]');
  if (!region || !window.fetch) {
    return;
  }
  var url = region.getAttribute('data-export-status');
  var bar = document.getElementById('export-progress');
  var text = document.getElementById('export-progress-text');
  var failures = 0;

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        failures = 0;
        if (status.status !== 'QUEUED' && status.status !== 'RUNNING') {
          // Ready or failed: the page itself shows what to do next.
          window.location.reload();
          return;
        }
        bar.max = status.total;
        bar.value = status.done;
        bar.textContent = status.text;
        text.textContent = status.text;
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        failures++;
        if (failures < 5) {
          window.setTimeout(poll, 2000 * failures);
        }
      });
  }
  window.setTimeout(poll, 1000);
})();
