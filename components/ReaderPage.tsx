export function ReaderPage() {
  return (
    <main style={{ padding: '16px' }}>
      <h1>Corpus</h1>
    </main>
  );
}
