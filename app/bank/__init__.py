"""The question bank: items brought in from outside (QTI 2.1/2.2/3.0) in the package's paper form."""
