// Relative URLs only: the page works behind any host, port or proxy.
const healthEl = document.querySelector('#health');
const listEl = document.querySelector('#users');
const messageEl = document.querySelector('#message');
const form = document.querySelector('#new-user');

async function showHealth() {
  try {
    const response = await fetch('/api/health');
    const health = await response.json();
    healthEl.textContent = `API : ${health.status} — base de données : ${health.db} — cache : ${health.cache}`;
  } catch {
    healthEl.textContent = 'API injoignable.';
  }
}

async function showUsers() {
  const response = await fetch('/api/users');
  const users = response.ok ? await response.json() : [];
  listEl.replaceChildren(
    ...users.map((user) => {
      const item = document.createElement('li');
      item.textContent = `${user.username} <${user.email}>`;
      return item;
    }),
  );
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = Object.fromEntries(new FormData(form));
  const response = await fetch('/api/users', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = await response.json();
  messageEl.textContent = response.ok ? `Utilisateur ${result.username} ajouté.` : result.error;
  if (response.ok) {
    form.reset();
    await showUsers();
  }
});

await Promise.all([showHealth(), showUsers()]);
