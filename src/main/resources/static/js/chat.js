// What the chat workspace and the supervisor's monitor share: texts from the page, calls to the agent API with the
// session's CSRF token, and how a message and a chat state look. Texts are never written here, only looked up.
window.KefuChat = (function () {
    var textsNode = document.getElementById('chatTexts');
    var texts = textsNode ? JSON.parse(textsNode.textContent) : {};

    function text(key) {
        var args = Array.prototype.slice.call(arguments, 1);
        var value = texts[key] || key;
        return value.replace(/\{(\d+)}/g, function (all, i) {
            return args[i] === undefined ? all : args[i];
        });
    }

    function csrfHeaders() {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        var headers = {};
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    // A refused call carries a problem detail in the reader's language; its detail is what the person reads.
    function call(method, url, body) {
        var headers = csrfHeaders();
        headers.Accept = 'application/json';
        var options = {method: method, headers: headers, credentials: 'same-origin'};
        if (body instanceof FormData) {
            options.body = body;
        } else if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        return fetch(url, options).then(function (response) {
            if (response.status === 204) {
                return null;
            }
            return response.text().then(function (raw) {
                var json = raw ? JSON.parse(raw) : null;
                if (!response.ok) {
                    var error = new Error(json && (json.detail || json.title) || response.statusText);
                    error.status = response.status;
                    throw error;
                }
                return json;
            });
        });
    }

    function clientId() {
        if (window.crypto && window.crypto.randomUUID) {
            return window.crypto.randomUUID();
        }
        return 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2);
    }

    function el(tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined && content !== null) {
            node.textContent = content;
        }
        return node;
    }

    function time(iso) {
        if (!iso) {
            return '';
        }
        var d = new Date(iso);
        return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
    }

    // Seconds as "3:05" or "1:02:10", for how long someone has waited.
    function duration(seconds) {
        seconds = Math.max(0, Math.floor(seconds));
        var h = Math.floor(seconds / 3600);
        var m = Math.floor(seconds % 3600 / 60);
        var s = String(seconds % 60).padStart(2, '0');
        return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
    }

    function size(bytes) {
        if (bytes < 1024) {
            return bytes + ' B';
        }
        return bytes < 1048576 ? (bytes / 1024).toFixed(0) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB';
    }

    function stateBadge(badge, state) {
        badge.className = badge.className.replace(/\bchat-state-\S+/g, '').trim() + ' chat-state-' + state;
        badge.textContent = text('chat.workspace.state.' + state);
    }

    // When a waiting chat was queued (a chat that never was, from its start).
    function waitingSince(chat) {
        return new Date(chat.queuedAt || chat.startedAt).getTime();
    }

    function visitorLabel(chat) {
        return chat.visitorName || chat.customerName || text('chat.workspace.anonymousVisitor', chat.visitorId || chat.id);
    }

    // One message as a bubble: the visitor on the left, staff on the right, the bot apart, notes in the middle.
    function messageNode(message) {
        var kind = message.senderKind;
        var row = el('div', 'chat-message chat-message-' + kind);
        row.dataset.seq = message.seq;
        var meta = el('div', 'chat-message-meta');
        var who = message.senderName || text('chat.workspace.sender.' + kind);
        meta.textContent = who + ' · ' + time(message.createdAt);
        var bubble = el('div', 'chat-bubble');
        if (message.text) {
            bubble.appendChild(el('div', 'chat-message-text', message.text));
        }
        if (message.file) {
            var f = message.file;
            if (f.contentType && f.contentType.indexOf('image/') === 0) {
                var link = el('a', 'chat-image');
                link.href = f.url;
                link.target = '_blank';
                link.rel = 'noopener';
                var img = el('img');
                img.src = f.url;
                img.alt = f.name;
                img.loading = 'lazy';
                link.appendChild(img);
                bubble.appendChild(link);
            } else {
                var download = el('a', 'chat-file');
                download.href = f.url;
                download.setAttribute('download', f.name);
                download.appendChild(el('i', 'bi bi-file-earmark-arrow-down'));
                download.appendChild(document.createTextNode(' ' + f.name + ' (' + size(f.size) + ')'));
                bubble.appendChild(download);
            }
        }
        if (message.articles && message.articles.length) {
            var list = el('ul', 'chat-articles');
            message.articles.forEach(function (a) {
                var item = el('li');
                var link = el('a', null, a.title);
                link.href = a.url;
                link.target = '_blank';
                link.rel = 'noopener';
                item.appendChild(link);
                list.appendChild(item);
            });
            bubble.appendChild(list);
        }
        row.appendChild(meta);
        row.appendChild(bubble);
        return row;
    }

    // Adds the message once, in seq order, whatever order the stream and the POST answer arrive in.
    function appendMessage(container, message) {
        if (container.querySelector('[data-seq="' + message.seq + '"]')) {
            return false;
        }
        var node = messageNode(message);
        var after = null;
        container.querySelectorAll('.chat-message').forEach(function (existing) {
            if (Number(existing.dataset.seq) < message.seq) {
                after = existing;
            }
        });
        var atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 60;
        if (after) {
            after.after(node);
        } else {
            container.prepend(node);
        }
        if (atBottom || message.senderKind === 'AGENT') {
            container.scrollTop = container.scrollHeight;
        }
        return true;
    }

    function trail(list, pageViews) {
        list.replaceChildren();
        (pageViews || []).forEach(function (view) {
            var item = el('li', 'chat-trail-item');
            var link = el('a', null, view.title || view.url);
            link.href = view.url;
            link.target = '_blank';
            link.rel = 'noopener noreferrer';
            item.appendChild(el('span', 'text-secondary me-1', time(view.at)));
            item.appendChild(link);
            list.appendChild(item);
        });
        if (!list.children.length) {
            list.appendChild(el('li', 'text-secondary', text('chat.workspace.side.trailEmpty')));
        }
    }

    /** The staff event stream of the page, its state shown in the #connection element. */
    function staffStream(url) {
        var status = document.getElementById('connection');
        var events = new EventSource(url);
        events.onopen = function () {
            status.textContent = text('chat.workspace.connected');
            status.className = 'text-success small';
        };
        events.onerror = function () {
            status.textContent = text('chat.workspace.reconnecting');
            status.className = 'text-warning small';
        };
        return events;
    }

    return {
        staffStream: staffStream, text: text, call: call, clientId: clientId, el: el, time: time, duration: duration,
        stateBadge: stateBadge, waitingSince: waitingSince, visitorLabel: visitorLabel,
        appendMessage: appendMessage, trail: trail
    };
})();
