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

// Crisis resources appear the moment an answer calls for them, before the form is sent.
(function () {
  'use strict';
  var panel = document.querySelector('[data-crisis-item]');
  if (!panel) {
    return;
  }
  var item = panel.getAttribute('data-crisis-item');
  var atLeast = parseInt(panel.getAttribute('data-crisis-at-least'), 10);
  function update() {
    var chosen = document.querySelector('input[name="' + item + '"]:checked');
    panel.hidden = !(chosen && parseInt(chosen.value, 10) >= atLeast);
  }
  document.addEventListener('change', function (event) {
    if (event.target.name === item) {
      update();
    }
  });
  update();
})();

// "Use this device's time zone" fills the time zone field from the browser.
(function () {
  'use strict';
  document.querySelectorAll('[data-device-zone-for]').forEach(function (button) {
    var select = document.getElementById(button.getAttribute('data-device-zone-for'));
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!select || !zone || !select.querySelector('option[value="' + zone + '"]')) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      select.value = zone;
      select.focus();
    });
  });
})();
