"""The advice question form in the demo site (the demo door: portal/demo/door.py)."""

from portal.demo.door import DemoPage, Translation

DEPENDS_ON = ["portal"]

PAGES = [
    DemoPage(
        key="advies",
        model="advice.AdviceQuestionPage",
        parent="home",
        nl=Translation(
            title="Stel een vraag",
            slug="stel-een-vraag",
            intro=(
                "Heeft u een vraag over huiselijk geweld of kindermishandeling? Stel hem hier. "
                "Wij antwoorden binnen vijf werkdagen."
            ),
            extra={
                "thank_you_text": (
                    "Dank u wel. Wij hebben uw vraag ontvangen en antwoorden binnen vijf werkdagen."
                )
            },
        ),
        en=Translation(
            title="Ask a question",
            slug="ask-a-question",
            intro=(
                "Do you have a question about domestic violence or child abuse? Ask it here. "
                "We answer within five working days."
            ),
            extra={
                "thank_you_text": (
                    "Thank you. We have received your question and will answer within five "
                    "working days."
                )
            },
        ),
    )
]
