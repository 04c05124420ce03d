"""Text processing: normalisation, morphology and segmentation, shared by every matcher."""
