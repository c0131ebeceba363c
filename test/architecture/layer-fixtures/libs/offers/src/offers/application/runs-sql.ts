export async function count(manager: { query(sql: string): Promise<unknown> }): Promise<unknown> {
  return manager.query('SELECT 1');
}
