// Declaration check form (issue 5): the traveller fills in items by hand and gets the itemised
// result of POST /api/v1/declaration-check as a table. The form builds its own DOM inside
// <details id="declare">; every text goes into the page with textContent, never as HTML.
// It follows the page language (<html lang>, set by chat.js).
(function () {
  'use strict';
  var UI = {
    en: { summary: 'Check my list (what to declare, estimated tax)', route: 'Arriving', ordinary: 'from elsewhere', hk_macao: 'from Hong Kong or Macao', frequent: 'entered China more than once in 15 days', residency: 'I live', resident: 'in mainland China', non_resident: 'outside mainland China', choose: '— choose —', type: 'Item', quantity: 'Quantity', unit: 'Unit', volume: 'ml per bottle', value: 'Value', currency: 'Currency', description: 'What is it', add: 'Add item', remove: 'Remove', check: 'Check', cigarettes: 'Cigarettes', cigars: 'Cigars', tobacco: 'Loose tobacco', alcohol: 'Alcohol', cash: 'Cash', goods: 'Goods', carton: 'cartons', pack: 'packs', piece: 'pieces', bottle: 'bottles', ml: 'ml', l: 'litres', g: 'g', kg: 'kg', col_item: 'Item', col_qty: 'Quantity', col_allowance: 'Allowance', col_excess: 'Over by', col_declare: 'Declare', col_tax: 'Est. tax (RMB)', yes: 'yes', no: 'no', red: 'Red channel: declare.', green: 'Green channel: nothing to declare.', total: 'Estimated tax in total (RMB): ', busy: 'Checking…', network: 'Cannot reach the server. Try again.', failed: 'Something went wrong. Please try again.', empty: 'Add at least one item.', u_sticks: 'cigarettes', u_pieces: 'pcs', u_grams: 'g', u_bottles: 'bottles', u_rmb: 'RMB', more: 'More details' },
    zh: { summary: '核对我的物品清单（是否申报、估算税款）', route: '入境路线', ordinary: '从其他地方入境', hk_macao: '从香港或澳门入境', frequent: '15天内多次入境', residency: '常住地', resident: '中国内地', non_resident: '内地以外', choose: '— 请选择 —', type: '物品', quantity: '数量', unit: '单位', volume: '每瓶毫升', value: '价值', currency: '币种', description: '物品说明', add: '添加物品', remove: '删除', check: '核对', cigarettes: '香烟', cigars: '雪茄', tobacco: '烟丝', alcohol: '酒', cash: '现金', goods: '其他物品', carton: '条', pack: '包', piece: '支/件', bottle: '瓶', ml: '毫升', l: '升', g: '克', kg: '公斤', col_item: '物品', col_qty: '数量', col_allowance: '免税额', col_excess: '超出', col_declare: '申报', col_tax: '估算税款（元）', yes: '是', no: '否', red: '红色通道：需要申报。', green: '绿色通道：无需申报。', total: '估算税款合计（元）：', busy: '正在核对…', network: '无法连接服务器，请重试。', failed: '出错了，请重试。', empty: '请至少添加一件物品。', u_sticks: '支', u_pieces: '件', u_grams: '克', u_bottles: '瓶', u_rmb: '元', more: '更多说明' },
    ru: { summary: 'Проверить мой список (что декларировать, оценка пошлины)', route: 'Прилетаю', ordinary: 'не из Гонконга и Макао', hk_macao: 'из Гонконга или Макао', frequent: 'въезжал в Китай больше раза за 15 дней', residency: 'Живу', resident: 'в материковом Китае', non_resident: 'за пределами материкового Китая', choose: '— выберите —', type: 'Вещь', quantity: 'Количество', unit: 'Единица', volume: 'мл в бутылке', value: 'Стоимость', currency: 'Валюта', description: 'Что это', add: 'Добавить', remove: 'Удалить', check: 'Проверить', cigarettes: 'Сигареты', cigars: 'Сигары', tobacco: 'Табак', alcohol: 'Алкоголь', cash: 'Наличные', goods: 'Товары', carton: 'блоков', pack: 'пачек', piece: 'шт.', bottle: 'бутылок', ml: 'мл', l: 'л', g: 'г', kg: 'кг', col_item: 'Вещь', col_qty: 'Количество', col_allowance: 'Норма', col_excess: 'Сверх нормы', col_declare: 'Декларировать', col_tax: 'Пошлина (юаней)', yes: 'да', no: 'нет', red: 'Красный коридор: декларировать.', green: 'Зелёный коридор: декларировать нечего.', total: 'Пошлина всего (юаней): ', busy: 'Проверяю…', network: 'Нет связи с сервером. Попробуйте ещё раз.', failed: 'Что-то пошло не так. Попробуйте ещё раз.', empty: 'Добавьте хотя бы одну вещь.', u_sticks: 'сигарет', u_pieces: 'шт.', u_grams: 'г', u_bottles: 'бут.', u_rmb: 'юаней', more: 'Подробнее' }
  };
  var TYPES = ['cigarettes', 'cigars', 'tobacco', 'alcohol', 'cash', 'goods'];
  var UNITS = { cigarettes: ['carton', 'pack', 'piece'], cigars: ['piece'], tobacco: ['g', 'kg'], alcohol: ['bottle', 'l', 'ml'], cash: [], goods: ['piece'] };
  var CURRENCIES = ['CNY', 'USD', 'EUR', 'RUB', 'JPY', 'KRW', 'HKD', 'MOP', 'GBP', 'THB', 'KZT'];
  var root = document.getElementById('declare');
  if (!root) return;

  function lang() { var l = document.documentElement.lang; return UI[l] ? l : 'en'; }
  function t(key) { return UI[lang()][key] || key; }
  /** An element whose text follows the page language (data-ui holds the key). */
  function el(tag, key, attrs) {
    var e = document.createElement(tag);
    if (key) { e.dataset.ui = key; e.textContent = t(key); }
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function select(name, values, withChoose) {
    var s = el('select', null, { name: name });
    if (withChoose) s.appendChild(el('option', 'choose', { value: '' }));
    values.forEach(function (v) {
      var o = el('option', UI.en[v] ? v : null, { value: v });
      if (!UI.en[v]) o.textContent = v;
      s.appendChild(o);
    });
    return s;
  }
  function field(labelKey, control) {
    var label = el('label', null, { class: 'declare-field' });
    label.appendChild(el('span', labelKey));
    label.appendChild(control);
    return label;
  }

  var summary = el('summary', 'summary');
  var form = el('form', null, { class: 'declare-form', novalidate: '' });
  var category = el('div', null, { class: 'declare-category' });
  var route = select('route', ['ordinary', 'hk_macao', 'frequent'], true);
  var residency = select('residency', ['resident', 'non_resident'], true);
  category.appendChild(field('route', route));
  category.appendChild(field('residency', residency));
  var rows = el('div', null, { class: 'declare-rows' });
  var buttons = el('div', null, { class: 'declare-buttons' });
  var add = el('button', 'add', { type: 'button', class: 'declare-add' });
  var check = el('button', 'check', { type: 'submit', class: 'declare-check' });
  buttons.appendChild(add);
  buttons.appendChild(check);
  var status = el('p', null, { class: 'declare-status', role: 'status' });
  var output = el('div', null, { class: 'declare-output', 'aria-live': 'polite' });
  form.appendChild(category);
  form.appendChild(rows);
  form.appendChild(buttons);
  form.appendChild(status);
  form.appendChild(output);
  root.appendChild(summary);
  root.appendChild(form);

  function addRow() {
    var row = el('div', null, { class: 'declare-row' });
    var type = select('type', TYPES, false);
    var quantity = el('input', null, { name: 'quantity', type: 'number', min: '0', step: 'any', inputmode: 'decimal' });
    var unit = el('select', null, { name: 'unit' });
    var volume = el('input', null, { name: 'volumeMl', type: 'number', min: '0', step: 'any' });
    var value = el('input', null, { name: 'value', type: 'number', min: '0', step: 'any', inputmode: 'decimal' });
    var currency = select('currency', CURRENCIES, false);
    var description = el('input', null, { name: 'description', type: 'text', maxlength: '200' });
    var remove = el('button', 'remove', { type: 'button', class: 'link declare-remove' });
    var volumeField = field('volume', volume);
    var unitField = field('unit', unit);
    function units() {
      unit.textContent = '';
      UNITS[type.value].forEach(function (u) { unit.appendChild(el('option', u, { value: u })); });
      unit.disabled = UNITS[type.value].length === 0;
      // no unit to choose (cash, goods): no empty, disabled dropdown on the phone
      unitField.hidden = unit.disabled;
      volumeField.hidden = type.value !== 'alcohol';
    }
    type.addEventListener('change', units);
    remove.addEventListener('click', function () { row.remove(); });
    [field('type', type), field('quantity', quantity), unitField, volumeField, field('value', value), field('currency', currency), field('description', description)].forEach(function (f) { row.appendChild(f); });
    row.appendChild(remove);
    rows.appendChild(row);
    units();
  }

  /** The request body; empty fields are left out, numbers are sent as numbers (the server validates). */
  function body() {
    var items = Array.prototype.map.call(rows.querySelectorAll('.declare-row'), function (row) {
      var get = function (name) { var c = row.querySelector('[name="' + name + '"]'); return c && !c.disabled ? c.value.trim() : ''; };
      var item = { type: get('type') };
      ['quantity', 'volumeMl', 'value'].forEach(function (k) { if (get(k) !== '') item[k] = Number(get(k)); });
      if (item.type === 'alcohol' && item.volumeMl === undefined) delete item.volumeMl;
      if (get('unit')) item.unit = get('unit');
      if (item.value !== undefined || item.type === 'cash') item.currency = get('currency');
      if (get('description')) item.description = get('description');
      return item;
    });
    var cat = {};
    if (route.value) cat.route = route.value;
    if (residency.value) cat.residency = residency.value;
    return { items: items, category: cat, lang: lang() };
  }

  /**
   * The check as a short list for a phone: the channel, then the server's own itemised text (every
   * figure with its currency, formatted per language in one place, the core), then "more".
   */
  function render(res) {
    output.textContent = '';
    var verdict = el('p', null, { class: 'declare-verdict ' + res.result.channel });
    verdict.textContent = t(res.result.channel);
    output.appendChild(verdict);
    var text = el('p', null, { class: 'declare-text' });
    text.textContent = res.text;
    output.appendChild(text);
    if (res.more) {
      var details = el('details', null, { class: 'more' });
      var summary = el('summary', 'more');
      var body = el('div', null, {});
      body.textContent = res.more;
      details.appendChild(summary);
      details.appendChild(body);
      output.appendChild(details);
    }
  }

  function submit(e) {
    e.preventDefault();
    var sent = body();
    if (sent.items.length === 0) { status.textContent = t('empty'); return; }
    status.textContent = t('busy');
    check.disabled = true;
    fetch('/api/v1/declaration-check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sent) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; }); })
      .then(function (res) {
        if (res.status === 200) { status.textContent = ''; render(res.body); return; }
        output.textContent = '';
        status.textContent = (res.body.error && res.body.error.message) || t('failed');
      })
      .catch(function () { status.textContent = t('network'); })
      .then(function () { check.disabled = false; });
  }

  function relabel() {
    root.querySelectorAll('[data-ui]').forEach(function (n) { n.textContent = t(n.dataset.ui); });
  }

  add.addEventListener('click', addRow);
  form.addEventListener('submit', submit);
  new MutationObserver(relabel).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  addRow();
})();
