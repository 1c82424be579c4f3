// Page header: the lab's name and the compute backend status.
import { BackendStatus } from './BackendStatus.tsx';

export function Header() {
  return (
    <header className="header">
      <div className="brand">
        <h1>DiffPIR Lab</h1>
        <p className="tagline">Do a diffusion U-Net&rsquo;s activations tell which instruments are playing?</p>
      </div>
      <BackendStatus />
    </header>
  );
}
