/** The three registers of 一单两库 as the export and import routes name them. */
export type RegisterKind = 'objects' | 'inspectors' | 'items';
