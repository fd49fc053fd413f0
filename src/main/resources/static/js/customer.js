/* Shared by the customer pages: the language switch (Chinese by default, English on request) and JSON calls. */
(function () {
  var lang = localStorage.getItem('gridmend.lang') || 'zh';
  var ZONE = window.GM_ZONE || { id: 'Asia/Shanghai', zh: '北京时间', en: 'China time' };
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE.id, year: 'numeric', month: 'numeric', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  /** Month, day, hour and minute of an instant on the utility's clock, whatever the browser's zone. */
  function parts(iso) {
    var out = {};
    FORMAT.formatToParts(new Date(iso)).forEach(function (p) { out[p.type] = p.value; });
    return { year: Number(out.year), month: Number(out.month), day: Number(out.day),
      hour: ('0' + Number(out.hour)).slice(-2), minute: ('0' + Number(out.minute)).slice(-2),
      second: ('0' + Number(out.second)).slice(-2) };
  }
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
    /** The zone every time is shown in: the utility's (/js/zone.js), never the browser's. */
    zone: function () { return ZONE; },
    /** A time in the utility's zone, as the server's texts write it: 12月2日 02:06 or 2 Dec 02:06. */
    clock: function (iso) {
      if (!iso) { return ''; }
      var p = parts(iso);
      return lang === 'en' ? p.day + ' ' + MONTHS[p.month - 1] + ' ' + p.hour + ':' + p.minute
        : p.month + '月' + p.day + '日 ' + p.hour + ':' + p.minute;
    },
    /** The same, naming the zone: 12月2日 02:06（北京时间） or 2 Dec 02:06 (China time). */
    time: function (iso) {
      if (!iso) { return ''; }
      return lang === 'en' ? GM.clock(iso) + ' (' + ZONE.en + ')' : GM.clock(iso) + '（' + ZONE.zh + '）';
    },
    /** A full timestamp for records (the audit trail), naming the zone: 2026-12-02 02:06:33（北京时间）. */
    stamp: function (iso) {
      if (!iso) { return ''; }
      var p = parts(iso);
      var text = p.year + '-' + ('0' + p.month).slice(-2) + '-' + ('0' + p.day).slice(-2) + ' ' + p.hour + ':' + p.minute + ':' + p.second;
      return lang === 'en' ? text + ' (' + ZONE.en + ')' : text + '（' + ZONE.zh + '）';
    },
    /** The zone's name alone, for a heading over a list of times: 北京时间 / China time. */
    zoneName: function () { return lang === 'en' ? ZONE.en : ZONE.zh; },
    /** The signed-in customer's bearer token (phone sign-in by SMS code), kept for this tab only. */
    customerToken: function () { return sessionStorage.getItem('gridmend.customer'); },
    /** A JSON call as the signed-in customer. */
    customerJson: function (method, url, body) {
      var headers = body ? { 'Content-Type': 'application/json' } : {};
      if (GM.customerToken()) { headers.Authorization = 'Bearer ' + GM.customerToken(); }
      return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
        .then(function (r) { return r.text().then(function (t) { var data = t ? JSON.parse(t) : null; return { status: r.status, ok: r.ok, data: data }; }); });
    },
    /**
     * The phone sign-in box, drawn into the page's empty #signBox: an SMS code to the phone, then the session;
     * signedIn runs once there is one (at once when this tab has one).
     */
    customerSignIn: function (signedIn) {
      var box = document.getElementById('signBox');
      if (!box.children.length) {
        box.innerHTML = '<h2 id="sign-title" style="font-size:1.05rem;margin:0" data-zh="手机号登录" data-en="Sign in with your phone"></h2>'
          + '<label for="signPhone" data-zh="手机号" data-en="Mobile number"></label>'
          + '<input id="signPhone" type="tel" inputmode="numeric" autocomplete="tel" maxlength="16">'
          + '<button id="signSend" class="secondary" type="button" data-zh="发送验证码" data-en="Send a code"></button>'
          + '<label for="signCode" data-zh="短信验证码" data-en="Code from the SMS"></label>'
          + '<input id="signCode" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6">'
          + '<button id="signGo" class="primary" type="button" data-zh="登录" data-en="Sign in"></button>'
          + '<p id="signProblem" class="error" role="alert"></p>';
        box.setAttribute('aria-labelledby', 'sign-title');
        apply();
      }
      var problem = document.getElementById('signProblem');
      function done() { box.hidden = true; signedIn(); }
      if (GM.customerToken()) {
        GM.customerJson('GET', '/api/customer/me').then(function (r) { if (r.ok) { done(); } else { sessionStorage.removeItem('gridmend.customer'); box.hidden = false; } });
      } else { box.hidden = false; }
      document.getElementById('signSend').addEventListener('click', function () {
        GM.json('POST', '/api/customer/otp', { phone: document.getElementById('signPhone').value }).then(function (r) {
          problem.textContent = r.ok ? GM.t('验证码已发送。', 'A code is on its way.') : (r.data && r.data.message) || r.status;
        });
      });
      document.getElementById('signGo').addEventListener('click', function () {
        GM.json('POST', '/api/customer/session', { phone: document.getElementById('signPhone').value, code: document.getElementById('signCode').value })
          .then(function (r) {
            if (r.ok) { sessionStorage.setItem('gridmend.customer', r.data.token); problem.textContent = ''; done(); }
            else { problem.textContent = (r.data && r.data.message) || r.status; }
          });
      });
    },
    /** An API refusal for people: its message, naming the field. */
    problem: function (r) {
      if (!r.data) { return String(r.status); }
      return (r.data.field ? r.data.field + ': ' : '') + (r.data.message || r.data.error || r.status);
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
