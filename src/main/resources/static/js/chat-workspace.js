// The agent's chat workspace: her status, the queue of her groups, her chats side by side as tabs, each with its
// messages live from the staff event stream, a composer (canned replies, suggested articles, files), the visitor's
// trail and the customer's timeline. Every change goes through the agent API; the stream brings what others did.
(function () {
    var root = document.getElementById('chatWorkspace');
    if (!root) {
        return;
    }
    var C = window.KefuChat;
    var api = root.dataset.api;
    var chats = {};          // chatId -> {chat, pane, tab, articleId, customerName}
    var canned = [];
    var queueTimer = null;

    // ----- status and counters

    function loadPresence() {
        C.call('GET', api + '/presence').then(showPresence);
    }

    function showPresence(p) {
        var radio = document.getElementById('presence-' + p.status);
        if (radio) {
            radio.checked = true;
        }
        document.getElementById('activeCount').textContent = p.activeChats;
        document.getElementById('maxChats').textContent = p.maxChats;
    }

    document.querySelectorAll('#presence input').forEach(function (radio) {
        radio.addEventListener('change', function () {
            C.call('PUT', api + '/presence', {status: radio.value}).then(showPresence).catch(alertError);
        });
    });

    function alertError(error) {
        window.alert(error.message);
    }

    // ----- the queue

    function loadQueue() {
        clearTimeout(queueTimer);
        queueTimer = setTimeout(function () {
            C.call('GET', api + '/queue').then(showQueue);
        }, 150);
    }

    function showQueue(waiting) {
        var list = document.getElementById('chatQueue');
        list.replaceChildren();
        document.getElementById('queueCount').textContent = waiting.length;
        if (!waiting.length) {
            list.appendChild(C.el('li', 'list-group-item text-secondary small chat-empty', C.text('chat.workspace.queue.empty')));
        }
        waiting.forEach(function (chat) {
            var item = C.el('li', 'list-group-item chat-queue-item');
            item.id = 'queued-' + chat.id;
            var head = C.el('div', 'd-flex justify-content-between align-items-center gap-2');
            head.appendChild(C.el('span', 'fw-semibold text-truncate', C.visitorLabel(chat)));
            var take = C.el('button', 'btn btn-sm btn-primary', C.text('chat.workspace.queue.take'));
            take.type = 'button';
            take.id = 'take-' + chat.id;
            take.addEventListener('click', function () {
                take.disabled = true;
                C.call('POST', api + '/chats/' + chat.id + '/take').then(function (taken) {
                    openChat(taken.id, true);
                    loadQueue();
                    loadPresence();
                }).catch(function (error) {
                    take.disabled = false;
                    alertError(error);
                    loadQueue();
                });
            });
            head.appendChild(take);
            item.appendChild(head);
            var details = C.el('div', 'small text-secondary');
            details.appendChild(C.el('span', 'me-2', chat.skillGroupName || ''));
            var waited = C.el('span', 'chat-waited');
            waited.dataset.since = C.waitingSince(chat);
            details.appendChild(waited);
            item.appendChild(details);
            list.appendChild(item);
        });
        tick();
    }

    // Waiting times count up each second without asking the server.
    function tick() {
        document.querySelectorAll('.chat-waited').forEach(function (node) {
            node.textContent = C.text('chat.workspace.queue.waited', C.duration((Date.now() - Number(node.dataset.since)) / 1000));
        });
    }

    setInterval(tick, 1000);

    // ----- my chats as tabs

    function loadMine() {
        return C.call('GET', api + '/chats?scope=mine').then(function (mine) {
            mine.forEach(function (chat) {
                if (chat.state !== 'ENDED' && !chats[chat.id]) {
                    openChat(chat.id, false);
                } else if (chats[chat.id]) {
                    showChat(chats[chat.id], chat);
                }
            });
            renderMine();
        });
    }

    function renderMine() {
        var list = document.getElementById('myChats');
        list.replaceChildren();
        var ids = Object.keys(chats);
        if (!ids.length) {
            list.appendChild(C.el('div', 'list-group-item text-secondary small chat-empty', C.text('chat.workspace.mine.empty')));
        }
        ids.forEach(function (id) {
            var entry = chats[id];
            var link = C.el('a', 'list-group-item list-group-item-action d-flex justify-content-between align-items-center');
            link.href = '#chat-' + id;
            link.id = 'mine-' + id;
            link.appendChild(C.el('span', 'text-truncate', entry.label));
            var badge = C.el('span', 'badge chat-state');
            C.stateBadge(badge, entry.chat.state);
            link.appendChild(badge);
            link.addEventListener('click', function (event) {
                event.preventDefault();
                activate(id);
            });
            list.appendChild(link);
        });
        var active = ids.filter(function (id) {
            return chats[id].chat.state === 'ACTIVE';
        }).length;
        document.getElementById('activeCount').textContent = active;
    }

    function activate(id) {
        var entry = chats[id];
        if (entry) {
            bootstrap.Tab.getOrCreateInstance(entry.tab.querySelector('button')).show();
            entry.unread = 0;
            entry.tab.querySelector('.chat-unread').classList.add('d-none');
        }
    }

    function openChat(id, focus) {
        if (chats[id]) {
            if (focus) {
                activate(id);
            }
            return;
        }
        var pane = document.getElementById('chatPaneTemplate').content.firstElementChild.cloneNode(true);
        pane.id = 'chat-' + id;
        var tab = C.el('li', 'nav-item');
        tab.setAttribute('role', 'presentation');
        var button = C.el('button', 'nav-link');
        button.type = 'button';
        button.id = 'chat-tab-' + id;
        button.setAttribute('data-bs-toggle', 'tab');
        button.setAttribute('data-bs-target', '#chat-' + id);
        button.setAttribute('role', 'tab');
        button.appendChild(C.el('span', 'chat-tab-label', '#' + id));
        var unread = C.el('span', 'badge rounded-pill text-bg-danger ms-1 chat-unread d-none', '0');
        button.appendChild(unread);
        button.addEventListener('shown.bs.tab', function () {
            var entry = chats[id];
            entry.unread = 0;
            unread.classList.add('d-none');
            var box = pane.querySelector('.chat-messages');
            box.scrollTop = box.scrollHeight;
        });
        tab.appendChild(button);
        document.getElementById('chatTabs').appendChild(tab);
        document.getElementById('chatPanes').appendChild(pane);
        document.getElementById('noChat').classList.add('d-none');
        var entry = {chat: {id: id, state: 'ACTIVE'}, pane: pane, tab: tab, label: '#' + id, unread: 0, articleId: null};
        chats[id] = entry;
        wire(entry);
        if (focus || Object.keys(chats).length === 1) {
            activate(id);
        }
        C.call('GET', api + '/chats/' + id).then(function (detail) {
            entry.visitor = detail.visitor || {};
            showChat(entry, detail.chat);
            var box = pane.querySelector('.chat-messages');
            (detail.messages || []).forEach(function (m) {
                C.appendMessage(box, m);
            });
            box.scrollTop = box.scrollHeight;
            showVisitor(entry);
            suggest(entry, lastVisitorText(detail.messages || []));
        }).catch(alertError);
    }

    function showChat(entry, chat) {
        entry.chat = chat;
        var pane = entry.pane;
        var visitorName = entry.visitor && entry.visitor.name;
        entry.label = visitorName || C.visitorLabel(chat);
        pane.querySelector('.chat-visitor-name').textContent = entry.label;
        entry.tab.querySelector('.chat-tab-label').textContent = entry.label;
        C.stateBadge(pane.querySelector('.chat-state'), chat.state);
        pane.querySelector('.chat-group').textContent = chat.skillGroupName || '';
        var ticket = pane.querySelector('.chat-ticket');
        if (chat.ticketId) {
            ticket.href = root.dataset.ticket + chat.ticketId;
            ticket.querySelector('.chat-ticket-id').textContent = '#' + chat.ticketId;
            ticket.classList.remove('d-none');
            pane.querySelector('.chat-to-ticket').classList.add('d-none');
        }
        var mine = chat.state === 'ACTIVE';
        pane.querySelectorAll('.chat-composer textarea, .chat-composer button, .chat-composer input, .chat-transfer, .chat-end')
            .forEach(function (control) {
                control.disabled = !mine;
            });
        pane.querySelector('.chat-close').classList.toggle('d-none', mine);
        renderMine();
    }

    function showVisitor(entry) {
        var pane = entry.pane;
        var box = pane.querySelector('.chat-customer');
        box.replaceChildren();
        var visitor = entry.visitor;
        var customerId = entry.chat.customerId || visitor.customerId;
        box.appendChild(C.el('div', 'fw-semibold', visitor.name || C.visitorLabel(entry.chat)));
        if (customerId && root.dataset.customer) {
            var link = C.el('a', 'chat-customer-link', C.text('chat.workspace.side.openCustomer'));
            link.href = root.dataset.customer + customerId;
            link.target = '_blank';
            box.appendChild(link);
            var timeline = pane.querySelector('.chat-timeline');
            // The customer page's own timeline entries, as its "older entries" button loads them.
            var none = pane.querySelector('.chat-timeline-none');
            htmx.ajax('GET', root.dataset.customer + customerId + '?before=9223372036854775807',
                {target: timeline, swap: 'innerHTML'}).then(function () {
                // Nothing came back: her timeline is empty, or outside the agent's data scope.
                none.textContent = C.text('chat.workspace.side.timelineNone');
                none.classList.toggle('d-none', timeline.children.length > 0);
            });
        } else if (!customerId) {
            box.appendChild(C.el('div', 'text-secondary', C.text('chat.workspace.side.anonymous')));
        }
        C.trail(pane.querySelector('.chat-trail'), visitor.pageViews);
    }

    function lastVisitorText(messages) {
        for (var i = messages.length - 1; i >= 0; i--) {
            if (messages[i].senderKind === 'VISITOR' && messages[i].text) {
                return messages[i].text;
            }
        }
        return '';
    }

    // Articles matching what the visitor last asked, from the knowledge base; one click puts one into the reply.
    function suggest(entry, question) {
        if (!question) {
            return;
        }
        var box = entry.pane.querySelector('.chat-suggestions');
        htmx.ajax('GET', root.dataset.suggest + '?q=' + encodeURIComponent(question),
            {target: box, swap: 'innerHTML'});
    }

    function wire(entry) {
        var pane = entry.pane;
        var id = entry.chat.id;
        var form = pane.querySelector('.chat-composer');
        var textarea = pane.querySelector('.chat-text');
        var error = pane.querySelector('.chat-error');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var value = textarea.value.trim();
            if (!value) {
                return;
            }
            var body = {clientId: C.clientId(), text: value};
            if (entry.articleId) {
                body.articleId = entry.articleId;
            }
            error.textContent = '';
            C.call('POST', api + '/chats/' + id + '/messages', body).then(function (message) {
                textarea.value = '';
                entry.articleId = null;
                pane.querySelector('.chat-article-note').classList.add('d-none');
                C.appendMessage(pane.querySelector('.chat-messages'), message);
            }).catch(function (e) {
                error.textContent = e.message;
            });
        });
        textarea.addEventListener('keydown', function (event) {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                form.requestSubmit();
            }
        });
        pane.querySelector('.chat-file').addEventListener('change', function (event) {
            var file = event.target.files[0];
            if (!file) {
                return;
            }
            var data = new FormData();
            data.append('file', file);
            data.append('clientId', C.clientId());
            error.textContent = '';
            C.call('POST', api + '/chats/' + id + '/files', data).then(function (message) {
                C.appendMessage(pane.querySelector('.chat-messages'), message);
            }).catch(function (e) {
                error.textContent = e.message;
            }).finally(function () {
                event.target.value = '';
            });
        });
        fillCanned(entry);
        pane.querySelector('.chat-suggestions').addEventListener('click', function (event) {
            var insert = event.target.closest('[data-article-id]');
            if (!insert) {
                return;
            }
            var text = insert.getAttribute('data-text');
            textarea.value = textarea.value.trim() === '' ? text : textarea.value.replace(/\s+$/, '') + '\n\n' + text;
            entry.articleId = Number(insert.getAttribute('data-article-id'));
            pane.querySelector('.chat-article-note').classList.remove('d-none');
            textarea.focus();
        });
        pane.querySelector('.chat-transfer').addEventListener('click', function () {
            transferring = id;
            document.getElementById('transferNote').value = '';
            document.getElementById('transferError').textContent = '';
            bootstrap.Modal.getOrCreateInstance(document.getElementById('transferDialog')).show();
        });
        pane.querySelector('.chat-to-ticket').addEventListener('click', function (event) {
            var button = event.currentTarget;
            button.disabled = true;
            C.call('POST', api + '/chats/' + id + '/ticket').then(function (created) {
                entry.chat.ticketId = created.ticketId;
                showChat(entry, entry.chat);
            }).catch(function (e) {
                button.disabled = false;
                error.textContent = e.message;
            });
        });
        pane.querySelector('.chat-end').addEventListener('click', function () {
            if (!window.confirm(C.text('chat.workspace.action.endConfirm'))) {
                return;
            }
            C.call('POST', api + '/chats/' + id + '/end').then(function (chat) {
                showChat(entry, chat);
                loadPresence();
            }).catch(alertError);
        });
        pane.querySelector('.chat-close').addEventListener('click', function () {
            closeChat(id);
        });
    }

    function closeChat(id) {
        var entry = chats[id];
        entry.tab.remove();
        entry.pane.remove();
        delete chats[id];
        var rest = Object.keys(chats);
        if (rest.length) {
            activate(rest[0]);
        } else {
            document.getElementById('noChat').classList.remove('d-none');
        }
        renderMine();
    }

    // Canned replies of the ticket settings, their placeholders filled for this chat where the chat knows them.
    function fillCanned(entry) {
        var menu = entry.pane.querySelector('.chat-canned');
        if (!canned.length) {
            return;
        }
        entry.pane.querySelector('.chat-canned-menu').classList.remove('d-none');
        canned.forEach(function (reply) {
            var item = C.el('li');
            var button = C.el('button', 'dropdown-item', reply.title);
            button.type = 'button';
            button.addEventListener('click', function () {
                var textarea = entry.pane.querySelector('.chat-text');
                var values = {'customer.name': entry.visitor && entry.visitor.name || '',
                    'agent.name': root.dataset.myName};
                textarea.value = reply.body.replace(/\{\{\s*([a-zA-Z.]+)\s*}}/g, function (all, key) {
                    return values[key] !== undefined && values[key] !== '' ? values[key] : all;
                });
                textarea.focus();
            });
            item.appendChild(button);
            menu.appendChild(item);
        });
    }

    // ----- transfer

    var transferring = null;
    document.querySelectorAll('input[name="transferTo"]').forEach(function (radio) {
        radio.addEventListener('change', function () {
            var toAgent = document.getElementById('transferToAgent').checked;
            document.getElementById('transferAgentField').classList.toggle('d-none', !toAgent);
            document.getElementById('transferGroupField').classList.toggle('d-none', toAgent);
        });
    });
    document.getElementById('transferForm').addEventListener('submit', function (event) {
        event.preventDefault();
        var body = {note: document.getElementById('transferNote').value.trim()};
        if (document.getElementById('transferToAgent').checked) {
            body.toStaffId = Number(document.getElementById('transferAgent').value);
        } else {
            body.toSkillGroupId = Number(document.getElementById('transferGroup').value);
        }
        C.call('POST', api + '/chats/' + transferring + '/transfer', body).then(function () {
            bootstrap.Modal.getInstance(document.getElementById('transferDialog')).hide();
            closeChat(transferring);
            loadQueue();
            loadPresence();
        }).catch(function (e) {
            document.getElementById('transferError').textContent = e.message;
        });
    });

    // ----- the staff event stream

    function connect() {
        var events = C.staffStream(root.dataset.events);
        events.addEventListener('message', function (event) {
            var message = JSON.parse(event.data);
            var entry = chats[message.chatId];
            if (!entry) {
                loadMine();
                return;
            }
            var added = C.appendMessage(entry.pane.querySelector('.chat-messages'), message);
            if (added && message.senderKind === 'VISITOR') {
                suggest(entry, message.text);
                if (!entry.pane.classList.contains('active')) {
                    entry.unread += 1;
                    var badge = entry.tab.querySelector('.chat-unread');
                    badge.textContent = entry.unread;
                    badge.classList.remove('d-none');
                }
            }
        });
        events.addEventListener('chat', function (event) {
            var chat = JSON.parse(event.data);
            if (chats[chat.id]) {
                showChat(chats[chat.id], chat);
            } else if (chat.state === 'ACTIVE') {
                loadMine();
            }
            if (chat.state !== 'ACTIVE') {
                loadQueue();
            }
        });
        events.addEventListener('queue', loadQueue);
    }

    function start() {
        loadPresence();
        loadQueue();
        var cannedUrl = root.dataset.canned;
        var ready = cannedUrl ? C.call('GET', cannedUrl).then(function (replies) {
            canned = replies;
        }).catch(function () {
            canned = [];
        }) : Promise.resolve();
        ready.then(loadMine).then(connect);
    }

    start();
})();
