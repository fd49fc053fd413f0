/*
 * Staff pages sign in to a session (POST /api/staff/session): the browser keeps its cookie, and every change echoes
 * the session's CSRF token (cookie GM-XSRF-TOKEN, header X-GM-XSRF-TOKEN). No HTTP Basic: a browser caches it.
 */
(function () {
  var user = null;
  function token() {
    var m = document.cookie.match(/(?:^|;\s*)GM-XSRF-TOKEN=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : null;
  }
  function call(method, url, body, raw, contentType) {
    var headers = { 'X-Requested-With': 'XMLHttpRequest' };
    if (method !== 'GET' && token()) { headers['X-GM-XSRF-TOKEN'] = token(); }
    if (body && !raw) { headers['Content-Type'] = 'application/json'; }
    if (contentType) { headers['Content-Type'] = contentType; }
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
      body: body ? (raw ? body : JSON.stringify(body)) : undefined });
  }
  function json(r) {
    return r.text().then(function (t) { var data = null; try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
      return { status: r.status, ok: r.ok, data: data }; });
  }
  window.Staff = {
    user: function () { return user; },
    /** Resolves to true when a session is signed in already (a reload, another staff page, another tab). */
    check: function () {
      return call('GET', '/api/staff/session').then(json).then(function (r) { user = r.ok ? r.data : null; return r.ok; });
    },
    /** Signs in, then checks a URL only the page's group may read; resolves to the HTTP status of the first failure. */
    signIn: function (name, password, checkUrl) {
      // a first GET leaves the CSRF cookie, which the sign-in echoes when a session (Tasklist's) is already open
      return call('GET', '/api/staff/session').then(function () {
        return call('POST', '/api/staff/session', { user: name, password: password }).then(json);
      }).then(function (r) {
        if (!r.ok) { user = null; return r.status; }
        user = r.data;
        return call('GET', checkUrl).then(function (c) { return c.status; });
      });
    },
    signOut: function () { user = null; return call('DELETE', '/api/staff/session'); },
    /**
     * A staff page's sign-in: the form #login (#user, #password, #loginProblem) signs in and checks checkUrl; start
     * runs once signed in, at once when a session is open already. notAllowed is what a user who signed in
     * but may not use the page reads ([zh, en]).
     */
    page: function (checkUrl, start, notAllowed) {
      var form = document.getElementById('login');
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var url = typeof checkUrl === 'function' ? checkUrl() : checkUrl;
        window.Staff.signIn(document.getElementById('user').value, document.getElementById('password').value, url)
          .then(function (status) {
            if (status === 200) { form.hidden = true; start(); return; }
            // 401: the sign-in failed; anything else: signed in, but this page is not for this user
            document.getElementById('loginProblem').textContent = status === 401 || status === 429
              ? GM.t('用户名或密码不对，或尝试过多。', 'Wrong user or password, or too many tries.')
              : GM.t(notAllowed[0], notAllowed[1]);
          });
      });
      window.Staff.check().then(function (ok) { if (ok) { form.hidden = true; start(); } else { form.hidden = false; } });
    },
    /** A JSON call in the session: resolves to {status, ok, data}. */
    call: function (method, url, body) { return call(method, url, body, false).then(json); },
    /** A raw call (a multipart or ready-made body, a binary answer): resolves to the fetch Response. */
    fetch: function (method, url, body, contentType) { return call(method, url, body, true, contentType); }
  };
})();
