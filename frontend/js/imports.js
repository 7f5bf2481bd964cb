// Imports: a progress bar while the file uploads, then the reading progress kept current while the import runs.
// Without this script the form still uploads and the import page has a link to check again.
(function () {
  'use strict';

  function size(bytes) {
    if (bytes < 1000) {
      return bytes + ' B';
    }
    var units = ['kB', 'MB', 'GB', 'TB'];
    var value = bytes;
    var unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return (value >= 100 ? value.toFixed(0) : value.toFixed(1)) + ' ' + units[unit];
  }

  var form = document.querySelector('form[data-upload]');
  if (form && window.XMLHttpRequest && window.FormData && window.DOMParser) {
    var box = form.querySelector('.upload-progress');
    var bar = document.getElementById('upload-progress');
    var text = document.getElementById('upload-progress-text');
    var status = document.getElementById('upload-status');
    var button = form.querySelector('button[type="submit"]');
    var template = text.getAttribute('data-template');

    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type="file"]');
      if (!input.files || input.files.length === 0) {
        return;
      }
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.floor(e.loaded * 100 / e.total);
          bar.max = 100;
          bar.value = percent;
          text.textContent = template.replace('%P', String(percent)).replace('%S', size(e.loaded))
            .replace('%T', size(e.total));
        }
      });
      request.addEventListener('load', function () {
        if (request.status === 200 && request.responseURL && request.responseURL.indexOf('/imports/') > 0) {
          window.location.assign(request.responseURL);
          return;
        }
        // The server refused the file: show its explanation as the page without scripts would.
        var page = new DOMParser().parseFromString(request.responseText, 'text/html');
        var answer = page.getElementById('upload-status');
        status.innerHTML = answer ? answer.innerHTML : '';
        if (!answer || !answer.textContent.trim()) {
          status.textContent = bar.getAttribute('data-failed');
        }
        box.hidden = true;
        button.disabled = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      });
      request.addEventListener('error', function () {
        status.textContent = bar.getAttribute('data-failed');
        box.hidden = true;
        button.disabled = false;
      });
      box.hidden = false;
      bar.removeAttribute('value');
      text.textContent = bar.getAttribute('data-starting');
      button.disabled = true;
      request.send(new FormData(form));
    });
  }

  var region = document.querySelector('[data-import-status]');
  if (region && window.fetch) {
    var url = region.getAttribute('data-import-status');
    var progress = document.getElementById('import-progress');
    var progressText = document.getElementById('import-progress-text');
    var failures = 0;
    var poll = function () {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('status ' + response.status);
          }
          return response.json();
        })
        .then(function (current) {
          failures = 0;
          if (current.status === 'DONE' || current.status === 'FAILED') {
            // The page itself shows the result.
            window.location.reload();
            return;
          }
          progress.value = current.percent;
          progress.textContent = current.text;
          progressText.textContent = current.text;
          window.setTimeout(poll, 1000);
        })
        .catch(function () {
          failures++;
          if (failures < 5) {
            window.setTimeout(poll, 2000 * failures);
          }
        });
    };
    window.setTimeout(poll, 1000);
  }
})();
