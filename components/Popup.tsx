import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type Hello } from '../messaging/protocol';

export function Popup() {
  const [hello, setHello] = useState<Hello | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendMessage('hello', { url: location.href }).then(setHello, (e: Error) => setError(e.message));
  }, []);
  return (
    <main class="popup" style={{ width: '320px', padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Hashiya — حاشية</h1>
      {error && <p role="alert">{error}</p>}
      {hello && (
        <p data-testid="corpus-status">
          {hello.articles} articles · {hello.entities} entities
        </p>
      )}
    </main>
  );
}
