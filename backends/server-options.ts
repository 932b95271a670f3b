import type { ControlPlane } from './control/control-plane.ts';
import type { Dataset } from './data/model.ts';

/** What every reference backend is started with. */
export interface BackendServerOptions {
  dataset: Dataset;
  control: ControlPlane;
  /** Interface to listen on. Default `127.0.0.1`. */
  host: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
}
