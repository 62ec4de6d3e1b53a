"""timex"""
