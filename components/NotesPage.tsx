export function NotesPage() {
  return (
    <main style={{ padding: '16px' }}>
      <h1>Notes</h1>
    </main>
  );
}
