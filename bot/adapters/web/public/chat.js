// Traveller web chat. Every piece of text goes into the page with textContent, never as HTML.
(function () {
  'use strict';
  var UI = {
    en: { title: 'Customs pre-departure assistant', intro: 'Ask about Chinese customs before you fly: duty-free allowances, cigarettes and alcohol, cash, food, pets, medicines, declaring.', send: 'Send', placeholder: 'e.g. How many cigarettes can I bring into China?', label: 'Your question', you: 'You', bot: 'Assistant', coordinator: 'Passenger coordinator', sources: 'Sources', more: 'More details', newChat: 'New conversation', disclaimer: 'Information only; the customs officer on duty decides.', network: 'Cannot reach the server. Check your connection and try again.', busy: 'Too many messages. Please wait a minute.', tooLong: 'This message is too long (max 4,000 characters).', empty: 'Please type a question.', failed: 'Something went wrong. Please try again.', lost: 'This conversation was not found; a new one will start.' },
    zh: { title: '海关出行前助手', intro: '出发前了解中国海关规定：免税额度、烟酒、现金、食品、宠物、药品、如何申报。', send: '发送', placeholder: '例如：入境能带几条烟？', label: '您的问题', you: '我', bot: '助手', coordinator: '旅客协调员', sources: '依据', more: '更多说明', newChat: '新对话', disclaimer: '仅供参考，以现场海关关员的认定为准。', network: '无法连接服务器，请检查网络后重试。', busy: '消息太频繁，请稍等一分钟。', tooLong: '消息太长（最多4000字）。', empty: '请输入问题。', failed: '出错了，请重试。', lost: '找不到此对话，将开始新的对话。' },
    ru: { title: 'Таможенный помощник перед поездкой', intro: 'Узнайте таможенные правила Китая до вылета: беспошлинные нормы, сигареты и алкоголь, наличные, продукты, животные, лекарства, декларирование.', send: 'Отправить', placeholder: 'Например: сколько блоков сигарет можно провезти?', label: 'Ваш вопрос', you: 'Вы', bot: 'Помощник', coordinator: 'Координатор', sources: 'Источники', more: 'Подробнее', newChat: 'Новый разговор', disclaimer: 'Только для информации; решение принимает таможенный инспектор.', network: 'Нет связи с сервером. Проверьте подключение и повторите.', busy: 'Слишком много сообщений. Подождите минуту.', tooLong: 'Сообщение слишком длинное (не более 4000 символов).', empty: 'Введите вопрос.', failed: 'Что-то пошло не так. Попробуйте ещё раз.', lost: 'Разговор не найден; начнём новый.' }
  };
  var $ = function (id) { return document.getElementById(id); };
  var state = { lang: pickLang(), conversationId: localStorage.getItem('cid') || null, lastId: 0, polling: null, events: null };

  function pickLang() {
    var saved = localStorage.getItem('lang');
    if (saved && UI[saved]) return saved;
    var nav = (navigator.language || 'en').slice(0, 2);
    return UI[nav] ? nav : 'en';
  }
  function t(key) { return UI[state.lang][key]; }

  function applyLang() {
    document.documentElement.lang = state.lang;
    $('title').textContent = t('title'); document.title = t('title');
    $('intro').textContent = t('intro');
    $('send').textContent = t('send');
    $('text').placeholder = t('placeholder');
    $('text-label').textContent = t('label');
    $('new-chat').textContent = t('newChat');
    $('disclaimer').textContent = t('disclaimer');
    document.querySelectorAll('.langs button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang)); });
  }

  function showStatus(text) { var s = $('status'); s.textContent = text || ''; s.hidden = !text; }

  function addMessage(from, text, extra) {
    var li = document.createElement('li');
    li.className = 'msg ' + from + (extra && extra.kind ? ' kind-' + extra.kind : '');
    li.dataset.from = from;
    if (extra && extra.kind) li.dataset.kind = extra.kind;
    var who = document.createElement('span'); who.className = 'who';
    who.textContent = from === 'traveller' ? t('you') : from === 'coordinator' ? t('coordinator') : t('bot');
    li.appendChild(who);
    li.appendChild(document.createTextNode(text));
    if (extra && extra.more) {
      var details = document.createElement('details'); details.className = 'more';
      var summary = document.createElement('summary'); summary.textContent = t('more');
      details.appendChild(summary);
      var body = document.createElement('div'); body.textContent = extra.more;
      details.appendChild(body);
      li.appendChild(details);
    }
    if (extra && extra.citations && extra.citations.length) {
      var ul = document.createElement('ul'); ul.className = 'cites'; ul.setAttribute('aria-label', t('sources'));
      extra.citations.forEach(function (c) {
        var item = document.createElement('li');
        var a = document.createElement('a');
        if (/^https?:\/\//.test(c.url)) a.href = c.url;
        a.target = '_blank'; a.rel = 'noopener noreferrer';
        a.textContent = c.source;
        item.appendChild(a);
        ul.appendChild(item);
      });
      var label = document.createElement('span'); label.className = 'cites-label'; label.textContent = t('sources') + ':';
      li.appendChild(label);
      li.appendChild(ul);
    }
    $('log').appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }

  function loadHistory() {
    if (!state.conversationId) return Promise.resolve();
    return fetch('/api/v1/conversations/' + encodeURIComponent(state.conversationId) + '/messages?after=' + state.lastId)
      .then(function (r) {
        if (r.status === 404) { resetConversation(); showStatus(t('lost')); return null; }
        return r.ok ? r.json() : null;
      })
      .then(function (body) {
        if (!body) return;
        // the same styling, sources and "more" as when the reply arrived live
        body.items.forEach(function (m) { state.lastId = Math.max(state.lastId, m.id); addMessage(m.from, m.text, m.from === 'traveller' ? null : m); });
        if (body.items.length) startLive();
      })
      .catch(function () { showStatus(t('network')); });
  }

  // Live messages after the first load: our own question and the bot's reply are already on the
  // page (from the POST), so only a coordinator's messages are added; every id moves lastId on.
  function receive(m) {
    if (m.id <= state.lastId) return;
    state.lastId = m.id;
    if (m.from === 'coordinator') addMessage('coordinator', m.text, m.kind ? { kind: m.kind } : null);
  }
  function poll() {
    if (!state.conversationId) return;
    fetch('/api/v1/conversations/' + encodeURIComponent(state.conversationId) + '/messages?after=' + state.lastId)
      .then(function (r) {
        if (r.status === 404) { resetConversation(); showStatus(t('lost')); return null; }
        return r.ok ? r.json() : null;
      })
      .then(function (body) { if (body) body.items.forEach(receive); })
      .catch(function () {});
  }
  // Server-Sent Events (the browser resumes with Last-Event-ID); polling every 4 s if unavailable.
  function startLive() {
    if (state.events || state.polling || !state.conversationId) return;
    if (!window.EventSource) { startPolling(); return; }
    var es = new EventSource('/api/v1/conversations/' + encodeURIComponent(state.conversationId) + '/events?after=' + state.lastId);
    state.events = es;
    es.addEventListener('message', function (ev) { try { receive(JSON.parse(ev.data)); } catch (e) { /* a malformed event is skipped */ } });
    es.onerror = function () { if (es.readyState === 2 && state.events === es) { state.events = null; startPolling(); } };
  }

  function resetConversation() {
    state.conversationId = null; state.lastId = 0; localStorage.removeItem('cid');
    $('log').textContent = '';
    stopPolling();
  }
  function startPolling() { if (!state.polling) state.polling = setInterval(poll, 4000); }
  function stopPolling() {
    if (state.polling) { clearInterval(state.polling); state.polling = null; }
    if (state.events) { state.events.close(); state.events = null; }
  }

  function send(text) {
    showStatus('');
    $('send').disabled = true;
    addMessage('traveller', text);
    // The reply comes in the language the question is written in; the switch changes the page.
    var body = { text: text };
    if (state.conversationId) body.conversationId = state.conversationId;
    return fetch('/api/v1/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; }); })
      .then(function (res) {
        if (res.status === 200) {
          state.conversationId = res.body.conversationId; localStorage.setItem('cid', state.conversationId);
          addMessage('bot', res.body.reply.text, res.body.reply);
          return syncLastId().then(function () { if (res.body.reply.kind === 'escalated') startLive(); });
        }
        if (res.status === 404) { resetConversation(); showStatus(t('lost')); return; }
        showStatus(res.status === 429 ? t('busy') : res.status === 413 ? t('tooLong') : (res.body.error && res.body.error.message) || t('failed'));
      })
      .catch(function () { showStatus(t('network')); })
      .then(function () { $('send').disabled = false; $('text').focus(); });
  }

  // After our own exchange, move past the two messages we already show (a coordinator's
  // message that arrived meanwhile is still shown).
  function syncLastId() {
    return fetch('/api/v1/conversations/' + encodeURIComponent(state.conversationId) + '/messages?after=' + state.lastId)
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (b) { b.items.forEach(receive); })
      .catch(function () {});
  }

  $('composer').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('text').value.trim();
    if (!text) { showStatus(t('empty')); return; }
    if (text.length > 4000) { showStatus(t('tooLong')); return; }
    $('text').value = '';
    send(text);
  });
  $('text').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('composer').requestSubmit(); }
  });
  document.querySelectorAll('.langs button').forEach(function (b) {
    b.addEventListener('click', function () { state.lang = b.dataset.lang; localStorage.setItem('lang', state.lang); applyLang(); });
  });
  $('new-chat').addEventListener('click', function () { resetConversation(); showStatus(''); });

  applyLang();
  loadHistory();
})();
