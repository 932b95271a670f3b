/** The parent value of `Home`: its fields resolve lazily, each from its own backend. */
export interface HomeModel {
  readonly screen: 'home';
}
