"""Reading articles and segmenting them: decoding, blocks, block roles, sentences."""
