// Kefu's only script besides htmx and Bootstrap: confirmation before destructive forms, CSRF on htmx requests.
document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
// A self-refreshing list (data-keep-selection) waits while the user has rows ticked, so her selection survives.
document.addEventListener('htmx:confirm', function (event) {
    var list = event.target.closest('[data-keep-selection]');
    if (list && list.querySelector('input[type="checkbox"]:checked')) {
        event.preventDefault();
    }
});
// A canned reply chosen from a list is written into the reply box it names, ready to edit.
document.addEventListener('htmx:afterRequest', function (event) {
    var into = event.target.getAttribute('data-fill-into');
    if (into && event.detail.successful) {
        var box = document.getElementById(into);
        box.value = JSON.parse(event.detail.xhr.responseText).body;
        box.focus();
    }
});
// A suggested article inserted into the reply box it names, after its use was counted.
document.addEventListener('htmx:afterRequest', function (event) {
    var into = event.target.getAttribute('data-append-into');
    if (into && event.detail.successful) {
        var box = document.getElementById(into);
        var text = event.target.getAttribute('data-text');
        box.value = box.value.trim() === '' ? text : box.value.replace(/\s+$/, '') + '\n\n' + text;
        box.focus();
    }
});
