/*
 * Shared by the rental pages (/rental, /rental/list, /rental/admin): the item types and their specification fields,
 * the listing form, and a booking drawn as a parcel's tracking: stages, timeline, and the buttons of what the caller
 * (renter or owner) may do now. call(method, url, body) and upload(url, file) are the page's own (customer or staff).
 */
(function () {
  var TYPES = {
    EV: ['电动汽车', 'electric vehicle', 'KM', [['seats', '座位数', 'seats'], ['rangeKm', '续航（公里）', 'range (km)'], ['batteryKwh', '电池容量（kWh）', 'battery (kWh)']]],
    EV_CHARGER: ['充电桩', 'EV charger', 'NONE', [['powerKw', '功率（kW）', 'power (kW)'], ['connector', '接口', 'connector', ['GBT_AC', 'GBT_DC']]]],
    GENERATOR: ['发电机', 'generator', 'HOURS', [['powerKw', '功率（kW）', 'power (kW)'], ['fuel', '燃料', 'fuel', ['DIESEL', 'GASOLINE', 'GAS']], ['phases', '相数', 'phases', ['1', '3']]]],
    TRANSFORMER: ['变压器', 'transformer', 'NONE', [['capacityKva', '容量（kVA）', 'capacity (kVA)'], ['primaryKv', '一次电压（kV）', 'primary (kV)'], ['secondaryKv', '二次电压（kV）', 'secondary (kV)']]],
    SWITCHGEAR: ['开关柜', 'switchgear', 'NONE', [['voltageKv', '电压（kV）', 'voltage (kV)'], ['ratedCurrentA', '额定电流（A）', 'rated current (A)']]],
    CABLE_REEL: ['电缆盘', 'cable reel', 'NONE', [['lengthM', '长度（米）', 'length (m)'], ['crossSectionMm2', '截面（mm²）', 'cross-section (mm²)']]],
    MEASURING_INSTRUMENT: ['测量仪器', 'measuring instrument', 'NONE', [['instrument', '仪器名称', 'instrument', 'text'], ['range', '量程', 'range', 'text']]]
  };
  var ACTIONS = {
    zh: { CASH: '现金', BANK_TRANSFER: '银行转账', WECHAT: '微信', ALIPAY: '支付宝', OTHER: '其他' },
    en: { CASH: 'cash', BANK_TRANSFER: 'bank transfer', WECHAT: 'WeChat', ALIPAY: 'Alipay', OTHER: 'other' }
  };
  var CONDITIONS = [['GOOD', '完好', 'good'], ['WORN', '正常磨损', 'normal wear'], ['DAMAGED', '有损坏', 'damaged']];
  var DECLINE = [['NOT_AVAILABLE', '这几天无法出租', 'not available on these days'], ['MAINTENANCE', '检修中', 'under maintenance'], ['RENTER_UNSUITABLE', '不符合出租条件', 'conditions not met']];
  var seq = 0;

  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) { e.textContent = text; } if (cls) { e.className = cls; } return e; }
  function labelled(parent, zh, en, input) {
    var id = 'r' + (seq++); input.id = id;
    var label = el('label', GM.t(zh, en)); label.setAttribute('for', id);
    parent.appendChild(label); parent.appendChild(input); return input;
  }
  function select(options) {
    var s = el('select');
    options.forEach(function (o) { var opt = el('option', o[1]); opt.value = o[0]; s.appendChild(opt); });
    return s;
  }
  function button(parent, zh, en, cls, onClick) {
    var b = el('button', GM.t(zh, en), cls || 'secondary'); b.type = 'button'; b.addEventListener('click', onClick); parent.appendChild(b); return b;
  }
  function typeLabel(type) { var t = TYPES[type]; return t ? GM.t(t[0], t[1]) : type; }

  /** The type's specification inputs, drawn into container; returns a function reading them. */
  function specFields(container, type) {
    container.textContent = '';
    var inputs = {};
    TYPES[type][3].forEach(function (f) {
      var input;
      if (Array.isArray(f[3])) { input = select(f[3].map(function (v) { return [v, v]; })); }
      else { input = el('input'); input.type = 'text'; if (f[3] !== 'text') { input.inputMode = 'decimal'; } input.maxLength = 40; }
      inputs[f[0]] = [labelled(container, f[1], f[2], input), f[3]];
    });
    return function () {
      var spec = {};
      Object.keys(inputs).forEach(function (k) {
        var v = inputs[k][0].value.trim(); var kind = inputs[k][1];
        spec[k] = Array.isArray(kind) || kind === 'text' ? v : (v === '' ? null : Number(v));
      });
      return spec;
    };
  }

  /** The listing form's fields, the same for a customer's listing and rental staff's item. */
  var LISTING_FIELDS = '<label for="listType" data-zh="设备类型" data-en="Type">设备类型</label>' +
      '<select id="listType"></select>' +
      '<label for="listTitle" data-zh="名称（如 玉柴 50 kW 柴油发电机）" data-en="Name (e.g. Yuchai 50 kW diesel generator)">名称</label>' +
      '<input id="listTitle" type="text" maxlength="60">' +
      '<label for="listRating" data-zh="额定值（如 50 kW）" data-en="Rating (e.g. 50 kW)">额定值</label>' +
      '<input id="listRating" type="text" maxlength="40">' +
      '<div id="listSpec"></div>' +
      '<label for="listPlace" data-zh="取还地点" data-en="Where it is collected and returned">取还地点</label>' +
      '<input id="listPlace" type="text" maxlength="100">' +
      '<label for="listLat" data-zh="纬度" data-en="Latitude">纬度</label>' +
      '<input id="listLat" type="text" inputmode="decimal">' +
      '<label for="listLng" data-zh="经度" data-en="Longitude">经度</label>' +
      '<input id="listLng" type="text" inputmode="decimal">' +
      '<button id="listHere" class="secondary" type="button" data-zh="使用我的位置" data-en="Use my location">使用我的位置</button>' +
      '<label for="listPrice" data-zh="日租金（元）" data-en="Price per day (yuan)">日租金（元）</label>' +
      '<input id="listPrice" type="text" inputmode="decimal">' +
      '<label for="listDeposit" data-zh="押金（元）" data-en="Deposit (yuan)">押金（元）</label>' +
      '<input id="listDeposit" type="text" inputmode="decimal">' +
      '<label for="listMin" data-zh="最少租用天数" data-en="Fewest days">最少租用天数</label>' +
      '<input id="listMin" type="text" inputmode="numeric" value="1">' +
      '<label for="listMax" data-zh="最多租用天数" data-en="Most days">最多租用天数</label>' +
      '<input id="listMax" type="text" inputmode="numeric" value="14">' +
      '<label for="listInstall"><input id="listInstall" type="checkbox" style="width:auto"> <span data-zh="需要电工安装" data-en="Needs an electrician to install">需要电工安装</span></label>' +
      '<p id="listProblem" class="error" role="alert"></p>';
  var OWNERSHIP = '<label for="listOwn"><input id="listOwn" type="checkbox" style="width:auto"> <span data-zh="我声明该设备归我所有，可以出租" data-en="I declare the equipment is mine to rent out">我声明该设备归我所有</span></label>';

  /**
   * The listing form, drawn into the page's empty #listing (ids listType … listProblem) under heading [zh, en] with
   * its submit button [zh, en] and, for customers, the ownership declaration; onSubmit(listing) posts it.
   */
  function listingForm(heading, submit, withOwnership, onSubmit) {
    var form = document.getElementById('listing');
    form.innerHTML = '<h2 style="font-size:1.05rem;margin:0" data-zh="' + heading[0] + '" data-en="' + heading[1] + '"></h2>'
      + LISTING_FIELDS + (withOwnership ? OWNERSHIP : '')
      + '<p id="listProblem" class="error" role="alert"></p>'
      + '<button class="primary" type="submit" data-zh="' + submit[0] + '" data-en="' + submit[1] + '"></button>';
    GM.apply();
    var type = document.getElementById('listType');
    Object.keys(TYPES).forEach(function (k) { var o = el('option', typeLabel(k) + ' (' + k + ')'); o.value = k; type.appendChild(o); });
    var read = specFields(document.getElementById('listSpec'), type.value);
    type.addEventListener('change', function () { read = specFields(document.getElementById('listSpec'), type.value); });
    document.getElementById('listHere').addEventListener('click', function () {
      if (!navigator.geolocation) { return; }
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('listLat').value = p.coords.latitude.toFixed(5); document.getElementById('listLng').value = p.coords.longitude.toFixed(5);
      });
    });
    var requestId = GM.uuid();
    function num(id) { var v = document.getElementById(id).value.trim(); return v === '' ? null : Number(v); }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var listing = { requestId: requestId, type: type.value, title: document.getElementById('listTitle').value, rating: document.getElementById('listRating').value,
        spec: read(), lat: num('listLat'), lng: num('listLng'), place: document.getElementById('listPlace').value, dailyPrice: num('listPrice'),
        deposit: num('listDeposit'), minDays: num('listMin'), maxDays: num('listMax'), needsInstallation: document.getElementById('listInstall').checked };
      if (withOwnership) { listing.ownershipDeclared = document.getElementById('listOwn').checked; }
      onSubmit(listing).then(function (r) {
        document.getElementById('listProblem').textContent = r.ok ? '' : GM.problem(r);
        if (r.ok) { requestId = GM.uuid(); form.reset(); read = specFields(document.getElementById('listSpec'), type.value); }
      });
    });
  }

  /** A booking as a parcel: stages, facts, timeline and what the caller may do now. */
  function booking(b, call, upload, reload) {
    var card = el('article', null, 'booking'); card.id = 'booking-' + b.id;
    card.appendChild(el('h3', b.id + ' · ' + b.item.title + ' · ' + b.statusLabel));
    card.appendChild(el('p', typeLabel(b.item.type) + ' · ' + b.from + ' — ' + b.to + '（' + b.days + GM.t(' 天', ' days') + '）· '
      + GM.t('租金 ', 'price ') + b.priceTotal + GM.t(' 元 · 押金 ', ' yuan · deposit ') + b.deposit + GM.t(' 元', ' yuan')
      + (b.installation ? ' · ' + GM.t('电工安装', 'installation') + (b.installationJob ? ' ' + b.installationJob : '') : '')));
    var other = b.renter || b.owner;
    if (other) {
      card.appendChild(el('p', other.label + (other.phone ? ' · ' + other.phone : '') + (other.stars ? ' · ' + other.stars + GM.t(' 星（', ' stars (') + other.ratings + GM.t(' 次）', ')') : '')));
    }
    if (b.confirmBy) { card.appendChild(el('p', GM.t('出租人确认期限：', 'The owner confirms by: ') + b.confirmBy, 'hint')); }
    var stages = el('ol', null, 'stages');
    b.stages.forEach(function (s) { var li = el('li', s.label + (s.at ? ' · ' + s.at : ''), s.done ? 'done' : 'todo'); stages.appendChild(li); });
    card.appendChild(stages);
    [['handover', '交付清单', 'Handover checklist'], ['returned', '归还检查', 'Return check']].forEach(function (c) {
      var x = b[c[0]]; if (!x) { return; }
      card.appendChild(el('p', GM.t(c[1], c[2]) + '：' + x.conditionLabel + (x.reading != null ? ' · ' + x.reading + (x.readingUnit === 'KM' ? ' km' : ' h') : '')
        + (x.notes ? ' · ' + x.notes : '') + (x.damageAmount ? ' · ' + GM.t('损坏 ', 'damage ') + x.damageAmount : '') + ' · ' + x.checkedAt
        + (c[0] === 'handover' ? (x.renterSignedAt ? ' · ' + GM.t('租用人已签字 ', 'signed by the renter ') + x.renterSignedAt : ' · ' + GM.t('待租用人签字', 'to be signed by the renter')) : '')));
    });
    if (b.settlement) {
      var s = b.settlement;
      card.appendChild(el('p', GM.t('结算：逾期 ', 'Settlement: late days ') + s.lateDays + ' · ' + GM.t('扣除 ', 'deducted ') + s.deduction + ' · ' + GM.t('退还 ', 'refunded ') + s.refund
        + (Number(s.owed) > 0 ? ' · ' + GM.t('另需补交 ', 'still owed ') + s.owed : '') + (s.disputeOutcome ? ' · ' + s.disputeOutcome : '')));
    }
    var timeline = el('ul', null, 'timeline');
    b.timeline.forEach(function (l) { timeline.appendChild(el('li', l.at + ' ' + l.text)); });
    card.appendChild(el('p', GM.t('进度（', 'Progress (') + b.zone + GM.t('）', ')'), 'hint'));
    card.appendChild(timeline);
    b.photos.forEach(function (p, i) { var a = el('a', GM.t('照片 ', 'photo ') + (i + 1)); a.href = '#'; a.addEventListener('click', function (e) { e.preventDefault(); show(p); }); card.appendChild(a); card.appendChild(document.createTextNode(' ')); });
    var problem = el('p', '', 'error'); problem.setAttribute('role', 'alert');
    var acts = el('div', null, 'actions');
    function post(path, body) {
      call('POST', '/api/rental/bookings/' + b.id + path, body).then(function (r) { if (r.ok) { reload(); } else { problem.textContent = GM.problem(r); } });
    }
    function show(url) { upload.show(url, card); }
    var reading = b.item.reading !== 'NONE';
    function checklist(path, withDamage) {
      var box = el('div'); var cond = labelled(box, '设备状况', 'Condition', select(CONDITIONS.map(function (c) { return [c[0], GM.t(c[1], c[2])]; })));
      var meter = reading ? labelled(box, b.item.reading === 'KM' ? '里程表读数（公里）' : '小时表读数（小时）', b.item.reading === 'KM' ? 'Odometer (km)' : 'Hour meter (h)', el('input')) : null;
      var notes = labelled(box, '备注', 'Notes', el('input')); notes.maxLength = 500;
      var damage = withDamage ? labelled(box, '损坏赔偿（元，从押金扣除）', 'Damage (yuan, from the deposit)', el('input')) : null;
      button(box, withDamage ? '登记归还' : '提交交付清单', withDamage ? 'Record the return' : 'Submit the checklist', 'primary', function () {
        var body = { condition: cond.value, notes: notes.value };
        if (meter) { body.reading = meter.value.trim() === '' ? null : Number(meter.value); }
        if (damage && damage.value.trim() !== '') { body.damageAmount = Number(damage.value); }
        post(path, body);
      });
      acts.appendChild(box);
    }
    b.actions.forEach(function (a) {
      if (a === 'CANCEL') { button(acts, '取消预订', 'Cancel the booking', 'secondary', function () { post('/cancel'); }); }
      if (a === 'SIGN_HANDOVER') { button(acts, '核对无误，签字确认交付', 'Checked: sign the handover', 'primary', function () { post('/handover/signature'); }); }
      if (a === 'ANSWER_SETTLEMENT') {
        button(acts, '接受结算', 'Accept the settlement', 'primary', function () { post('/settlement', { accept: true }); });
        var why = labelled(acts, '如有异议，请说明理由', 'If you disagree, say why', el('input')); why.maxLength = 500;
        button(acts, '提出异议', 'Dispute it', 'secondary', function () { post('/settlement', { accept: false, reason: why.value }); });
      }
      if (a === 'RATE') {
        var stars = labelled(acts, b.party === 'RENTER' ? '为设备和出租人评分' : '为租用人评分', b.party === 'RENTER' ? 'Rate the item and its owner' : 'Rate the renter', select([['5', '★★★★★'], ['4', '★★★★'], ['3', '★★★'], ['2', '★★'], ['1', '★']]));
        var comment = labelled(acts, '评价（可不填）', 'Comment (optional)', el('input')); comment.maxLength = 300;
        button(acts, '提交评价', 'Rate', 'primary', function () { post('/rating', { stars: Number(stars.value), comment: comment.value }); });
      }
      if (a === 'ANSWER') {
        button(acts, '确认出租', 'Confirm', 'primary', function () { post('/answer', { confirm: true }); });
        var reason = labelled(acts, '拒绝原因', 'Reason to decline', select(DECLINE.map(function (d) { return [d[0], GM.t(d[1], d[2])]; })));
        button(acts, '拒绝', 'Decline', 'secondary', function () { post('/answer', { confirm: false, reason: reason.value }); });
      }
      if (a === 'ANSWER_IN_TASKLIST') { var t = el('a', GM.t('在任务列表中确认', 'Confirm in Tasklist')); t.href = '/camunda/app/tasklist/'; acts.appendChild(t); }
      if (a === 'RECORD_PAYMENT') {
        var method = labelled(acts, '收款方式（租金和押金已收到）', 'Paid by (price and deposit received)', select(Object.keys(ACTIONS.en).map(function (k) { return [k, GM.t(ACTIONS.zh[k], ACTIONS.en[k])]; })));
        button(acts, '登记收款', 'Record the payment', 'primary', function () { post('/payment', { method: method.value }); });
      }
      if (a === 'CHECK_HANDOVER') { checklist('/handover', false); }
      if (a === 'CHECK_RETURN') { checklist('/return', true); }
      if (a === 'ADD_PHOTO') {
        var file = labelled(acts, '添加交付/归还照片', 'Add a handover or return photo', el('input')); file.type = 'file'; file.accept = 'image/jpeg,image/png';
        file.addEventListener('change', function () { if (file.files[0]) { upload.send('/api/rental/bookings/' + b.id + '/photos', file.files[0]).then(function (r) { if (r.ok) { reload(); } else { problem.textContent = GM.problem(r); } }); } });
      }
    });
    card.appendChild(acts); card.appendChild(problem);
    return card;
  }

  window.Rental = { TYPES: TYPES, typeLabel: typeLabel, el: el, labelled: labelled, button: button, specFields: specFields, listingForm: listingForm, booking: booking };
})();
