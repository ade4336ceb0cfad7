/** Where one of a worksheet's fields sits on its printed page, in PDF points from the page's lower left corner. */
export interface MeasuredField {
  /** `name`, `system.self`, `system.evidence`. */
  name: string;
  /** The choice a rating's box stands for (`meets`); null for a text field. */
  choice: string | null;
  /** What the field is called on the page, for screen readers and tooltips. */
  label: string;
  /** The text the page prints in a text field (`data-value`: the name of the person a copy is prepared for), kept as its value; null for none. */
  value: string | null;
  /** Lines to write on (a multi-line text field). */
  multiline: boolean;
  /** 0-based. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What makes a printed worksheet a form: its fields' places and the origin it carries. */
export interface MeasuredForm {
  origin: string;
  fields: MeasuredField[];
}
