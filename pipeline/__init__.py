"""The run machinery: stages wired over one document model, runs, incrementality, executors, CLI.

`audit/` holds the tools that read an output (diff, report); `training/` rebuilds the NER model.
"""
