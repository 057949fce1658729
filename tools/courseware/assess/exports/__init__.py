"""Exports of banks and forms to the quiz formats learning platforms import.

Built with the standard library's ``xml.etree``: of the QTI packages on PyPI, none is both
maintained and widely used for QTI 1.2 (the version Canvas, Blackboard and Brightspace
import); the formats are small and documented, so writing them directly keeps the output
under our tests' control.
"""
