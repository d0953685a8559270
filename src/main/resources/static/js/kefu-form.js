/*
 * Puts Kefu's web form on another site, in a frame:
 *   <script src="https://help.example.com/js/kefu-form.js" data-lang="zh-CN" data-height="760" async></script>
 * The frame is inserted right after the script tag. The site must be listed in KEFU_PORTAL_EMBED_ORIGINS.
 */
(function () {
    var script = document.currentScript;
    if (!script) {
        return;
    }
    var lang = script.getAttribute('data-lang');
    var frame = document.createElement('iframe');
    frame.src = new URL(script.src).origin + '/portal/form' + (lang ? '?lang=' + encodeURIComponent(lang) : '');
    frame.title = script.getAttribute('data-title') || 'Kefu';
    frame.loading = 'lazy';
    frame.style.cssText = 'width:100%;border:0;min-height:' + (script.getAttribute('data-height') || '720') + 'px';
    script.parentNode.insertBefore(frame, script.nextSibling);
})();
