/* Kefu live chat widget: plain JavaScript, no framework. Every visible text comes from the server (texts). */
(function () {
  'use strict';
  if (window.__kefuChat) return;
  window.__kefuChat = true;
  var script = document.currentScript;
  var base = new URL(script.src).origin;
  var identity = script.getAttribute('data-identity');
  var KEY = 'kefu.visitor';
  var token = null, texts = {}, chat = null, source = null, seen = {}, officeOpen = true, menu = [], visit = null;
  var root, list, input, bar, forms;

  function api(method, path, body, raw) {
    var headers = {'Accept-Language': navigator.language || 'zh-CN'};
    if (token) headers['X-Kefu-Visitor'] = token;
    if (body && !raw) headers['Content-Type'] = 'application/json';
    return fetch(base + '/chat/api' + path, {method: method, headers: headers,
      body: body ? (raw ? body : JSON.stringify(body)) : undefined}).then(function (r) {
      if (r.status === 204) return null;
      return r.json().then(function (j) { if (!r.ok) throw j; return j; });
    });
  }
  function uuid() {
    return crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2);
  }
  function fmt(t) { var a = arguments; return String(t).replace(/\{(\d)\}/g, function (m, i) { return a[+i + 1]; }); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function button(text, onclick, cls) { var b = el('button', cls == null ? 'k-btn' : cls, text); b.type = 'button'; b.onclick = onclick; return b; }
  function problem(p) { note((p && (p.detail || p.title)) || String(p)); }
  function note(text) { list.appendChild(el('div', 'k-note', text)); scroll(); }
  function scroll() { list.scrollTop = list.scrollHeight; }

  var css = '.k-launch{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 20px;background:#1677ff;color:#fff;font:15px sans-serif;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)}' +
    '.k-panel{position:fixed;right:20px;bottom:80px;z-index:2147483000;width:340px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 100px);display:none;flex-direction:column;background:#fff;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);font:14px sans-serif;color:#222}' +
    '.k-panel.k-open{display:flex}.k-head{display:flex;justify-content:space-between;align-items:center;padding:10px 12px;background:#1677ff;color:#fff;border-radius:8px 8px 0 0}' +
    '.k-head button{background:none;border:0;color:#fff;font-size:18px;cursor:pointer}.k-list{flex:1;overflow-y:auto;padding:10px}' +
    '.k-msg{margin:6px 0;max-width:85%;padding:7px 10px;border-radius:8px;background:#f1f3f5;white-space:pre-wrap;word-wrap:break-word}' +
    '.k-msg.k-VISITOR{margin-left:auto;background:#d6e8ff}.k-msg small{display:block;color:#888;font-size:11px}' +
    '.k-msg img{max-width:100%}.k-note{text-align:center;color:#888;font-size:12px;margin:6px 0}' +
    '.k-menu{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}.k-btn{border:1px solid #1677ff;background:#fff;color:#1677ff;border-radius:14px;padding:4px 10px;cursor:pointer;font-size:13px}' +
    '.k-bar{display:flex;gap:6px;padding:8px;border-top:1px solid #eee;flex-wrap:wrap}.k-bar input[type=text]{flex:1 1 220px;min-width:0;padding:6px;border:1px solid #ccc;border-radius:4px}' +
    '.k-form{padding:8px;border-top:1px solid #eee}.k-form input,.k-form textarea{display:block;width:100%;box-sizing:border-box;margin:4px 0;padding:6px;border:1px solid #ccc;border-radius:4px}' +
    '.k-stars button{font-size:22px;border:0;background:none;cursor:pointer;color:#ccc}.k-stars button.k-on{color:#fadb14}';

  function build() {
    var style = el('style'); style.textContent = css; document.head.appendChild(style);
    var launch = button(texts.open, toggle, 'k-launch');
    root = el('div', 'k-panel');
    root.setAttribute('role', 'dialog');
    var head = el('div', 'k-head');
    head.appendChild(el('strong', null, texts.title));
    head.appendChild(button('\u00d7', toggle, ''));
    head.lastChild.setAttribute('aria-label', texts.close);
    list = el('div', 'k-list');
    forms = el('div');
    bar = el('div', 'k-bar');
    input = el('input'); input.type = 'text'; input.placeholder = texts.placeholder; input.maxLength = 4000;
    input.onkeydown = function (e) { if (e.key === 'Enter') send(); };
    var file = el('input'); file.type = 'file'; file.style.display = 'none';
    file.onchange = function () { if (file.files[0]) upload(file.files[0]); file.value = ''; };
    bar.appendChild(input);
    bar.appendChild(button(texts.send, send));
    bar.appendChild(button(texts.upload, function () { file.click(); }));
    bar.appendChild(button(texts.handoff, handoff, 'k-btn k-handoff'));
    bar.appendChild(button(texts.end, end));
    bar.appendChild(file);
    root.appendChild(head); root.appendChild(list); root.appendChild(forms); root.appendChild(bar);
    document.body.appendChild(launch); document.body.appendChild(root);
  }
  function toggle() {
    root.classList.toggle('k-open');
    if (root.classList.contains('k-open') && !list.firstChild) greet();
  }
  function greet() {
    list.appendChild(el('div', 'k-msg', visit.welcome));
    if (!officeOpen) { note(texts.offline); leaveForm(); return; }
    if (chat) return;
    var m = el('div', 'k-menu');
    menu.forEach(function (item) { m.appendChild(button(item.label, function () { start(item.key); })); });
    list.appendChild(el('div', 'k-note', texts.menuPrompt)); list.appendChild(m);
    if (!visit.customerId) contactButton();
  }
  function start(menuKey) {
    if (chat) return Promise.resolve(chat);
    return api('POST', '/chats', {menuKey: menuKey || null}).then(function (c) { onChat(c); listen(); return c; }, problem);
  }
  function send() {
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    start().then(function () {
      return api('POST', '/chats/' + chat.id + '/messages', {clientId: uuid(), text: text}).then(show);
    }).catch(problem);
  }
  function upload(f) {
    start().then(function () {
      var data = new FormData(); data.append('file', f); data.append('clientId', uuid());
      return api('POST', '/chats/' + chat.id + '/files', data, true).then(show);
    }).catch(problem);
  }
  function handoff() { start().then(function () { return api('POST', '/chats/' + chat.id + '/handoff').then(onChat); }).catch(problem); }
  function end() { if (chat) api('POST', '/chats/' + chat.id + '/end').then(onChat, problem); }

  function listen() {
    if (source || !chat) return;
    source = new EventSource(base + '/chat/api/chats/' + chat.id + '/events?visitor=' + encodeURIComponent(token));
    source.addEventListener('message', function (e) { show(JSON.parse(e.data)); });
    source.addEventListener('chat', function (e) { onChat(JSON.parse(e.data)); });
    source.onerror = function () { if (source.readyState === EventSource.CONNECTING) note(texts.reconnecting); };
  }
  function show(m) {
    if (!m || seen[m.seq]) return;
    seen[m.seq] = true;
    if (m.senderKind === 'SYSTEM') { note(m.text); return; }
    var d = el('div', 'k-msg k-' + m.senderKind);
    d.appendChild(el('small', null, m.senderKind === 'VISITOR' ? texts.you : (m.senderName || '')));
    if (m.text) d.appendChild(document.createTextNode(m.text));
    if (m.file) {
      var url = base + m.file.url + '?visitor=' + encodeURIComponent(token);
      var a = el('a', null, m.file.contentType.indexOf('image/') === 0 ? null : m.file.name);
      a.href = url; a.target = '_blank'; a.rel = 'noopener';
      if (m.file.contentType.indexOf('image/') === 0) { var img = el('img'); img.src = url; img.alt = m.file.name; a.appendChild(img); }
      d.appendChild(a);
    }
    if (m.articles && m.articles.length) {
      var ul = el('ul');
      m.articles.forEach(function (art) {
        var li = el('li'), link = el('a', null, art.title);
        link.href = base + art.url; link.target = '_blank'; link.rel = 'noopener';
        li.appendChild(link); ul.appendChild(li);
      });
      d.appendChild(ul);
    }
    list.appendChild(d); scroll();
  }
  function onChat(c) {
    var before = chat;
    chat = c;
    root.querySelector('.k-handoff').style.display = c.state === 'BOT' ? '' : 'none';
    if (c.state === 'QUEUED' && c.queuePosition) {
      var q = root.querySelector('.k-queue') || list.appendChild(el('div', 'k-note k-queue'));
      q.textContent = fmt(texts.queue, c.queuePosition, Math.max(1, Math.round((c.estimatedWaitSeconds || 0) / 60)));
      scroll();
    } else {
      var old = root.querySelector('.k-queue'); if (old) old.remove();
    }
    if (c.overflow === 'CALLBACK' && c.state === 'BOT' && !(before && before.overflow === 'CALLBACK')) leaveForm();
    if (c.state === 'ENDED') {
      bar.style.display = 'none';
      if (source) { source.close(); source = null; }
      if (c.rating == null && !(before && before.state === 'ENDED')) ratingForm();
    }
  }
  function form(title, fields, submit, label) {
    forms.textContent = '';
    var f = el('form', 'k-form');
    f.appendChild(el('strong', null, title));
    fields.forEach(function (x) {
      var i = el(x[2] === 'textarea' ? 'textarea' : 'input');
      i.name = x[0]; i.placeholder = x[1]; if (x[2] !== 'textarea') i.type = x[2] || 'text';
      f.appendChild(i);
    });
    f.appendChild(button(label, function () {
      var data = {};
      fields.forEach(function (x) { data[x[0]] = f.elements[x[0]].value; });
      submit(data);
    }));
    forms.appendChild(f);
  }
  function contactButton() {
    bar.appendChild(button(texts.contactTitle, function () {
      form(texts.contactTitle, [['name', texts.contactName], ['phone', texts.contactPhone, 'tel'], ['email', texts.contactEmail, 'email']],
        function (d) {
          start().then(function () { return api('POST', '/chats/' + chat.id + '/contact', d); })
            .then(function (c) { forms.textContent = ''; note(texts.contactSaved); onChat(c); }).catch(problem);
        }, texts.contactSend);
    }));
  }
  function leaveForm() {
    form(texts.leaveTitle, [['name', texts.contactName], ['phone', texts.contactPhone, 'tel'], ['email', texts.contactEmail, 'email'],
      ['text', texts.leaveText, 'textarea']], function (d) {
      api('POST', '/leave-message', d).then(function (r) { forms.textContent = ''; note(fmt(texts.leaveSent, '#' + r.ticketId)); }, problem);
    }, texts.leaveSend);
  }
  function ratingForm() {
    var score = 0;
    form(texts.rateTitle, [['comment', texts.rateComment, 'textarea']], function (d) {
      if (!score) return;
      api('POST', '/chats/' + chat.id + '/rating', {score: score, comment: d.comment})
        .then(function () { forms.textContent = ''; note(texts.rateThanks); }, problem);
    }, texts.rateSend);
    var stars = el('div', 'k-stars');
    for (var i = 1; i <= 5; i++) {
      (function (n) {
        stars.appendChild(button('\u2605', function () {
          score = n;
          Array.prototype.forEach.call(stars.children, function (s, j) { s.classList.toggle('k-on', j < n); });
        }, ''));
      })(i);
    }
    forms.firstChild.insertBefore(stars, forms.firstChild.children[1]);
  }

  function pageView() {
    if (token) api('POST', '/page-views', {url: location.href, title: document.title}).catch(function () {});
  }
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = history[name];
    history[name] = function () { var r = original.apply(this, arguments); setTimeout(pageView, 0); return r; };
  });
  window.addEventListener('popstate', pageView);

  function boot() {
    try { token = localStorage.getItem(KEY); } catch (e) { token = null; }
    api('POST', '/visits', {visitorToken: token, identityToken: identity,
      page: {url: location.href, title: document.title, referrer: document.referrer || null}}).then(function (v) {
      visit = v; token = v.visitorToken; texts = v.texts; menu = v.menu; officeOpen = v.officeOpen;
      try { localStorage.setItem(KEY, token); } catch (e) { /* private mode: a new visitor per page */ }
      build();
      if (v.chat) { onChat(v.chat); listen(); }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
})();
