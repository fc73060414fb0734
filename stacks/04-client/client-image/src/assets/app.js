// A two-page single-page application: the browser's URL changes with
// history.pushState, and nginx's `try_files ... /index.html` lets a reload
// of /a-propos find this page instead of a 404.
const pages = {
  '/': '<h1>Accueil</h1><p>Ce client est servi par nginx depuis une image construite en plusieurs étapes.</p>',
  '/a-propos': '<h1>À propos</h1><p>Rechargez cette page : nginx renvoie <code>index.html</code>, et le routeur affiche la bonne vue.</p>',
};
const view = document.querySelector('#view');

function render() {
  view.innerHTML = pages[location.pathname] ?? '<h1>Page introuvable</h1>';
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  render();
});
window.addEventListener('popstate', render);
render();
