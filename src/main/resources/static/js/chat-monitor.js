// The supervisor's view of every live chat, kept current by the all-chats staff stream; one chat at a time can be
// watched as it happens through that chat's own stream. Nothing here writes: the monitor is read-only.
(function () {
    var root = document.getElementById('chatMonitor');
    if (!root) {
        return;
    }
    var C = window.KefuChat;
    var api = root.dataset.api;
    var live = {};
    var watched = null;
    var watchStream = null;
    var refreshTimer = null;

    function refresh() {
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(function () {
            C.call('GET', api + '/chats?scope=all').then(show);
        }, 200);
    }

    function show(all) {
        live = {};
        all.filter(function (chat) {
            return chat.state !== 'ENDED';
        }).forEach(function (chat) {
            live[chat.id] = chat;
        });
        render();
    }

    function render() {
        var body = document.querySelector('#liveChats tbody');
        body.replaceChildren();
        var counts = {BOT: 0, QUEUED: 0, ACTIVE: 0};
        Object.keys(live).map(function (id) {
            return live[id];
        }).sort(function (a, b) {
            return new Date(a.startedAt) - new Date(b.startedAt);
        }).forEach(function (chat) {
            counts[chat.state] = (counts[chat.state] || 0) + 1;
            var row = C.el('tr');
            row.id = 'live-' + chat.id;
            if (chat.id === watched) {
                row.classList.add('table-active');
            }
            row.appendChild(C.el('td', 'text-secondary', chat.id));
            row.appendChild(C.el('td', null, C.visitorLabel(chat)));
            var state = C.el('td');
            var badge = C.el('span', 'badge chat-state');
            C.stateBadge(badge, chat.state);
            state.appendChild(badge);
            if (chat.overflow) {
                state.appendChild(C.el('span', 'badge text-bg-warning ms-1', C.text('chat.monitor.overflow.' + chat.overflow)));
            }
            row.appendChild(state);
            row.appendChild(C.el('td', null, chat.skillGroupName || ''));
            row.appendChild(C.el('td', null, chat.agentName || ''));
            var waited = C.el('td', chat.state === 'QUEUED' ? 'chat-waited fw-semibold' : 'text-secondary');
            if (chat.state === 'QUEUED') {
                waited.dataset.since = C.waitingSince(chat);
            } else if (chat.queuedAt && chat.acceptedAt) {
                // How long she waited before an agent took her chat.
                waited.textContent = C.duration((new Date(chat.acceptedAt) - new Date(chat.queuedAt)) / 1000);
            }
            row.appendChild(waited);
            row.appendChild(C.el('td', 'text-secondary', C.time(chat.startedAt)));
            var action = C.el('td', 'text-end');
            var watch = C.el('button', 'btn btn-sm btn-outline-primary', C.text('chat.monitor.watch'));
            watch.type = 'button';
            watch.id = 'watch-' + chat.id;
            watch.addEventListener('click', function () {
                open(chat.id);
            });
            action.appendChild(watch);
            row.appendChild(action);
            body.appendChild(row);
        });
        ['BOT', 'QUEUED', 'ACTIVE'].forEach(function (s) {
            document.getElementById('count-' + s).textContent = counts[s] || 0;
        });
        document.getElementById('noLiveChats').classList.toggle('d-none', Object.keys(live).length > 0);
        tick();
    }

    function tick() {
        document.querySelectorAll('#liveChats .chat-waited').forEach(function (node) {
            node.textContent = C.duration((Date.now() - Number(node.dataset.since)) / 1000);
        });
    }

    setInterval(tick, 1000);

    // Watching reads the chat once and then follows its own stream, which replays from the last seq it had.
    function open(id) {
        if (watchStream) {
            watchStream.close();
        }
        watched = id;
        render();
        var box = document.getElementById('watchMessages');
        box.replaceChildren();
        C.call('GET', api + '/chats/' + id).then(function (detail) {
            showWatched(detail.chat, detail.visitor || {});
            (detail.messages || []).forEach(function (m) {
                C.appendMessage(box, m);
            });
            box.scrollTop = box.scrollHeight;
            watchStream = new EventSource(api + '/chats/' + id + '/events');
            watchStream.addEventListener('message', function (event) {
                C.appendMessage(box, JSON.parse(event.data));
            });
            watchStream.addEventListener('chat', function (event) {
                showWatched(JSON.parse(event.data));
            });
        }).catch(function (error) {
            document.getElementById('watchInfo').textContent = error.message;
        });
    }

    function showWatched(chat, visitor) {
        document.getElementById('watchTitle').textContent = C.text('chat.monitor.watching', chat.id,
            visitor && visitor.name || C.visitorLabel(chat));
        var state = document.getElementById('watchState');
        state.classList.remove('d-none');
        C.stateBadge(state, chat.state);
        var info = [chat.skillGroupName, chat.agentName].filter(Boolean).join(' · ');
        document.getElementById('watchInfo').textContent = info;
    }

    function connect() {
        var events = C.staffStream(root.dataset.events);
        events.addEventListener('chat', function (event) {
            var chat = JSON.parse(event.data);
            if (chat.state === 'ENDED') {
                delete live[chat.id];
            } else {
                live[chat.id] = chat;
            }
            render();
        });
        events.addEventListener('queue', refresh);
    }

    refresh();
    connect();
})();
