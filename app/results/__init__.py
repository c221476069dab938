"""Results as pure rules: a candidate's outcome, certificate numbers, the public list's masking, the seal check."""
