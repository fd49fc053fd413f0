/* Staff pages sign in with their Camunda user against the API (HTTP Basic, kept for this tab only). */
(function () {
  var KEY = 'gridmend.staff';
  var auth = sessionStorage.getItem(KEY);
  window.Staff = {
    signedIn: function () { return !!auth; },
    /** Checks the user against a URL only their group may read; resolves to the HTTP status. */
    signIn: function (user, password, checkUrl) {
      auth = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
      return Staff.call('GET', checkUrl).then(function (r) {
        if (r.ok) { sessionStorage.setItem(KEY, auth); } else { auth = null; }
        return r.status;
      });
    },
    call: function (method, url, body) {
      // X-Requested-With: a 401 then carries no WWW-Authenticate, so the browser shows no login dialog of its own
      var headers = { 'Authorization': auth || '', 'X-Requested-With': 'XMLHttpRequest' };
      if (body) { headers['Content-Type'] = 'application/json'; }
      return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
        .then(function (r) { return r.text().then(function (t) { return { status: r.status, ok: r.ok, data: t ? JSON.parse(t) : null }; }); });
    }
  };
})();
