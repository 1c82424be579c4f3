// The Models page: shipped models with their cards, the random-init controls, the user's own
// models (loaded from a folder, converted from a checkpoint or trained here), and what a model
// does to a mel. When the user's models change, the experiment pages' model lists are reloaded.
import { useEffect } from 'react';
import { useModels } from '../../state/models.ts';
import { useLabOptions } from '../experiment/lab-options.ts';
import { DenoisePanel } from './DenoisePanel.tsx';
import { ModelCards } from './ModelCards.tsx';
import { ModelImport } from './ModelImport.tsx';
import { TrainPanel } from './TrainPanel.tsx';

export function ModelsPage() {
  const user = useModels((s) => s.user);
  useEffect(() => void useModels.getState().refresh(), []);
  useEffect(() => {
    if (useLabOptions.getState().loaded) void useLabOptions.getState().load(true);
  }, [user]);
  return (
    <div className="models-page">
      <ModelCards />
      <ModelImport />
      <TrainPanel />
      <DenoisePanel />
    </div>
  );
}
