/**
 * How doccano's importer (`data_import/pipeline/parsers.py`, `detect_encoding`) reads a file's encoding: chardet
 * on the whole of a small file, its incremental detector on a large one, UTF-8 when it cannot tell. Python
 * source, to begin the scripts that read Folio's exports as doccano does.
 */
export const DOCCANO_DETECT_ENCODING = String.raw`
import io, json, os, sys
import chardet
from chardet import UniversalDetector

def detect_encoding(path):
    if os.path.getsize(path) < io.DEFAULT_BUFFER_SIZE:
        return chardet.detect(open(path, 'rb').read()).get('encoding', 'utf-8')
    detector = UniversalDetector()
    with open(path, 'rb') as f:
        while True:
            chunk = f.read(io.DEFAULT_BUFFER_SIZE)
            detector.feed(chunk)
            if chunk == b'' or detector.done:
                break
    return (detector.result['encoding'] or 'utf-8') if detector.done else 'utf-8'
`;
