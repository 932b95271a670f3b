import http from 'node:http';
import https from 'node:https';

/** Most sockets kept per backend host by each client. */
const MAX_SOCKETS = 256;

/** The keep-alive agents of one HTTP client (REST or SOAP), built once with it and destroyed on close. */
export interface KeepAliveAgents {
  http: http.Agent;
  https: https.Agent;
}

/** Keep-alive agents reusing the most recently freed socket first (`lifo`), so idle sockets time out. */
export function keepAliveAgents(): KeepAliveAgents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, scheduling: 'lifo' }),
    https: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, scheduling: 'lifo' }),
  };
}
