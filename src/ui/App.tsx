import { useEffect } from 'react';
import { startEngine } from '../state/engine-actions';
import { EngineStatus } from './EngineStatus';

export function App() {
  useEffect(() => {
    void startEngine();
  }, []);
  return (
    <>
      <header className="app-header">
        <h1>HomNet Review</h1>
        <EngineStatus />
      </header>
      <main>
        <p className="disclaimer" role="note">
          Research and teaching tool for chromosomal structural abnormalities. It is not a diagnostic device:
          every finding must be confirmed by a qualified cytogeneticist. No image or result leaves this
          browser.
        </p>
      </main>
    </>
  );
}
