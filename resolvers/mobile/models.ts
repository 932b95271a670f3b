/** The parent value of `Home`: its fields resolve lazily, each from its own backend. */
export interface HomeModel {
  /** Constant: there is one home screen (its id lets the field cache key its fields). */
  readonly id: 'home';
}
