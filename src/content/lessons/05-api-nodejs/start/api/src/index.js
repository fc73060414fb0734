// API des utilisateurs, version « premier jet ».
const express = require('express');
const { Pool } = require('pg');

const app = express();
const port = process.env.API_PORT || 3001;
const db = new Pool({ connectionString: process.env.DATABASE_URL });

app.get('/health', (req, res) => {
  res.send({ status: 'ok' });
});

app.get('/api/users', async (req, res) => {
  try {
    const result = await db.query('SELECT * FROM users');
    res.send(result.rows);
  } catch (err) {
    res.status(500).send({ error: err.message });
  }
});

app.listen(port, () => console.log('API démarrée sur le port ' + port));
