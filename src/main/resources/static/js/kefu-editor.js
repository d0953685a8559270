// The article editor's formatting buttons: each wraps the selected text of the body in its HTML element.
document.addEventListener('DOMContentLoaded', () => {
    const body = document.querySelector('[data-kb-editor]');
    if (!body) {
        return;
    }
    document.querySelectorAll('[data-kb-wrap]').forEach(button => button.addEventListener('click', () => {
        const tag = button.dataset.kbWrap;
        const start = body.selectionStart;
        const end = body.selectionEnd;
        const selected = body.value.substring(start, end);
        body.setRangeText('<' + tag + '>' + selected + '</' + tag + '>', start, end, 'end');
        body.focus();
    }));
});
