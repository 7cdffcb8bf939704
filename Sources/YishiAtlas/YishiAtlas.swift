public enum YishiAtlas {}
