// Small progressive enhancements; every page works without this script.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // Forms that change something important ask once more before they are sent.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // A button pressed once stays pressed: a double click must not send a form twice.
  document.addEventListener('submit', function (event) {
    if (event.defaultPrevented) {
      return;
    }
    var buttons = event.target.querySelectorAll('button[type="submit"]');
    window.setTimeout(function () {
      buttons.forEach(function (button) { button.disabled = true; });
    }, 0);
  });
})();
