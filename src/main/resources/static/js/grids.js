/* One colour per crew's grid, the same on the board and on the grid page. */
(function () {
  var PALETTE = ['#0969da', '#1a7f37', '#8250df', '#bf3989', '#bc4c00', '#0550ae', '#116329', '#6639ba', '#9a6700', '#cf222e'];
  window.GridColours = {
    of: function (crewId) {
      var h = 0;
      for (var i = 0; i < crewId.length; i++) { h = (h * 31 + crewId.charCodeAt(i)) | 0; }
      return PALETTE[Math.abs(h) % PALETTE.length];
    }
  };
})();
