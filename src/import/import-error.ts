/**
 * The closed list of reasons a document cannot be parsed. Callers (the `import` command, the
 * API) may rely on the code; the message is English, names the file and says what is wrong.
 */
const importErrorCodes = [
  "import.empty_file",
  "import.too_large",
  "import.unsupported_format",
  "import.binary_file",
  "import.no_text_layer",
  "import.encrypted_pdf",
  "import.truncated_pdf",
  "import.corrupt_pdf",
  "import.corrupt_docx",
  "import.zip_bomb",
] as const;

export type ImportErrorCode = (typeof importErrorCodes)[number];

/** Bad input: thrown by `parseDocument` before anything could be read as a meeting. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly fileName: string;

  constructor(code: ImportErrorCode, fileName: string, problem: string, options?: { cause?: unknown }) {
    super(`${fileName}: ${problem}`, options);
    this.name = "ImportError";
    this.code = code;
    this.fileName = fileName;
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
