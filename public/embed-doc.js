// embed.html: puts this site's own address into the snippet (as text) and offers to copy it.
// A file of its own because the Content-Security-Policy allows no inline script.
(() => {
  const code = document.getElementById('snippet');
  if (!code) return;
  const placeholder = 'https://your-site.example/ties/';
  const base = new URL('./', window.location.href).href;
  code.textContent = (code.textContent ?? '').split(placeholder).join(base);
  const button = document.getElementById('copy-snippet');
  const status = document.getElementById('copy-status');
  if (!button || !status || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(code.textContent ?? '').then(
      () => (status.textContent = 'Copied.'),
      () => (status.textContent = 'Select the snippet and copy it by hand.'),
    );
  });
})();
