"""actgui: see how neuron activation functions behave."""

__version__ = "0.1.0"
