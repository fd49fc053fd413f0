/* The customer's side of rental calls: JSON and photo uploads with the signed-in phone's token. */
(function () {
  function auth() { return GM.customerToken() ? { Authorization: 'Bearer ' + GM.customerToken() } : {}; }
  window.RentalCustomer = {
    call: function (method, url, body) { return GM.customerJson(method, url, body); },
    upload: {
      send: function (url, file) {
        var data = new FormData(); data.append('file', file);
        return fetch(url, { method: 'POST', headers: auth(), body: data }).then(function (r) {
          return r.text().then(function (t) { return { ok: r.ok, status: r.status, data: t ? JSON.parse(t) : null }; });
        });
      },
      show: function (url, into) {
        fetch(url, { headers: auth() }).then(function (r) { return r.ok ? r.blob() : null; }).then(function (blob) {
          if (!blob) { return; }
          var img = document.createElement('img'); img.src = URL.createObjectURL(blob); img.alt = url; img.style.maxWidth = '100%'; into.appendChild(img);
        });
      }
    }
  };
})();
