/* Shared by the customer pages: the language switch (Chinese by default, English on request) and JSON calls. */
(function () {
  var lang = localStorage.getItem('gridmend.lang') || 'zh';
  function apply() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-zh]').forEach(function (el) {
      var text = el.getAttribute(lang === 'en' ? 'data-en' : 'data-zh');
      if (el.placeholder !== undefined && el.hasAttribute('data-placeholder')) { el.placeholder = text; } else { el.textContent = text; }
    });
  }
  window.GM = {
    lang: function () { return lang; },
    t: function (zh, en) { return lang === 'en' ? en : zh; },
    apply: apply,
    toggle: function () { lang = lang === 'en' ? 'zh' : 'en'; localStorage.setItem('gridmend.lang', lang); apply(); document.dispatchEvent(new Event('gm-lang')); },
    json: function (method, url, body) {
      return fetch(url, { method: method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
        .then(function (r) { return r.text().then(function (t) { var data = t ? JSON.parse(t) : null; return { status: r.status, ok: r.ok, data: data }; }); });
    },
    time: function (iso) {
      if (!iso) { return ''; }
      return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
    },
    uuid: function () {
      if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
      return 'r-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    }
  };
  document.addEventListener('DOMContentLoaded', function () {
    apply();
    var button = document.getElementById('lang');
    if (button) { button.addEventListener('click', GM.toggle); }
  });
})();
