"""The house style and saving of figures."""
