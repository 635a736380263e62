"""Traditional notes into Simplified, a second held-out set (issue 25): tests/conversion_from_hant_firefox.yml.

Firefox ESR's Taiwan language pack, judged as a mainland editor would write it before any rule (session 45, tf), and
the rules of `# Session 45 — tf` and `# Session 46 — from-hant` in regional.yml's `from-hant:` section, each on
sentences of other text: the hexo-docs zh-tw pages and the from-Simplified sets' Taiwan labels, where they fire and
where they must not.
"""

from __future__ import annotations

import pytest
from from_hant_shape import TW, assert_from_hant_set, assert_half_figures, bench_conversion, from_hant

SET = from_hant.SETS["firefox-tw"]


def test_the_set_is_firefox_taiwan_sentences_with_their_mainland_form() -> None:
    # The halves are whole files of the language pack: no file gives sentences to both.
    assert_from_hant_set("firefox-tw", "firefox-esr zh-TW ", (144, 156))
    # None of its sentences is in the first set (hexo-tw).
    entries = bench_conversion.load_review(SET)
    assert not {e[TW] for e in entries} & {
        e[TW] for e in bench_conversion.load_review(from_hant.SETS["hexo-tw"])
    }


@pytest.mark.parametrize(
    ("half", "t2s_wrong", "bounds"),
    [
        # Session 45 (tf), wrong words (Taiwan words left) per 1,000 Han. First sight, before any rule: rules half
        # t2s 72.36 (13.07), tw2sp 31.16 (0.34), Zhudu 48.91 (1.34); held-out half t2s 87.69 (23.27), tw2sp 45.19
        # (2.70), Zhudu 58.01 (3.04). After the rules: Zhudu 15.41 (1.34) and, never looked at while writing them,
        # 37.77 (3.04); 38.45 (3.04) once 支援 beside a Latin word became 支持 only in software text (session 45, fm:
        # WHO 支援各國 and 政府支援 NGO are help), as the bench converts with no domain.  Session 46 (tf), its
        # `# Session 46 — from-hant` rules: rules half 15.41 (1.34) → 6.70 (0); held-out half 38.45 (3.04) → 29.34
        # (0.34), part of it the classes session 45 named from reading this half (匯出 / 匯入, 封鎖, 憑證, 清單, 毀損, 回應).
        # Session 46 (tg), `# Session 46 — from-hant 2` (the Python tutorial's rules half): held-out half 29.34 → 29.01.
        ("rules", 216, {"t2s": 72.4, "tw2sp": 31.2, "zhudu": 6.8}),
        # Session 46 (tv), `# Session 46 — from-hant 3` (a reader's review): held-out half 29.01 → 28.67.
        # Session 49 (ft), `# Session 49 — from-hant` (written from software catalogs no set uses): held-out half
        # 28.67 → 26.64; rules half unchanged.  Session 49 (fx), those rules narrowed (呼叫 only beside a program's
        # words): held-out half 26.64 → 26.98.
        ("heldout", 260, {"t2s": 87.7, "tw2sp": 45.2, "zhudu": 27.0}),
    ],
)
def test_figures_on_each_half(half: str, t2s_wrong: int, bounds: dict[str, float]) -> None:
    assert_half_figures("firefox-tw", half, t2s_wrong, bounds, {"rules": 0.0, "heldout": 0.35}[half])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Where the rules fire: sentences of the hexo-docs zh-tw pages and the sets' Taiwan labels.
        ("在新的瀏覽器分頁中開啟 Hub 控制台。", "在新的浏览器标签页中打开 Hub 控制台。"),
        ("您現在可以關閉此分頁。", "您现在可以关闭此标签页。"),
        ("如果你在使用 Sphinx 擴充套件時，必須依此設定。", "如果你在使用 Sphinx 扩展时，必须依此设置。"),
        ("確保裝置和電腦已透過藍牙或網路連線配對。", "确保设备和电脑已通过蓝牙或网络连接配对。"),
        ("如果選單列不可見，請按 Alt 鍵。", "如果菜单列不可见，请按 Alt 键。"),
        ("使用此金鑰登入，但會提出警告。", "使用此密钥登录，但会提出警告。"),
        ("您還沒有建立帳號，請先註冊。", "您还没有建立账号，请先注册。"),
        ("無法連線到資料庫伺服器。", "无法连接到数据库服务器。"),
        ("這台機器的效能有嚴重問題。", "这台机器的性能有严重问题。"),
        ("自動完成與歷史紀錄這樣的好特性。", "自动完成与历史记录这样的好特性。"),
        ("Xworks 開啟檔案後，文件會自動儲存。", "Xworks 打开文件后，文件会自动保存。"),
        ("源必須是變數宣告，或者是指標。", "源必须是变量声明，或者是指标。"),
        (
            "為了支援更多字元，許多字元集和編碼系統被用來支援。",
            "为了支援更多字符，许多字符集和编码系统被用来支援。",
        ),
        ("請確認是否有權限存取該頁面。", "请确认是否有权限访问该页面。"),
        ("若要檢視更多錯誤，請查看說明。", "若要查看更多错误，请查看说明。"),
        ("移動頁面。請重新整理頁面。", "移动页面。请刷新页面。"),
        ("完成後，會試著尋找佈局。", "完成后，会试着寻找布局。"),
        # 以下指令 of a command is 命令 since session 49 (ft): the mainland originals write 以下命令 (12 of 12 labels).
        ("接著輸入以下指令。", "接着输入以下命令。"),
        ("匯出網站資料（詳情請參考）。", "导出网站数据（详情请参考）。"),
        ("截圖檔案往往較大。", "截图文件往往较大。"),
        ("請洽詢技術支援團隊，或關閉防毒軟體。", "请咨询技术支持团队，或关闭杀毒软件。"),
        ("把檔案儲存到資料夾，預設使用本機伺服器。", "把文件保存到文件夹，默认使用本地服务器。"),
        # Senses that stay as t2s writes them: a page of a list, an apparatus, a receipt, a broadcast's live link,
        # efficacy, a record broken, a documentary, a beginning, a feature turned on, a visit, a court's
        # declaration, a courtesy name, an analysis, random access, this phone itself, a policy examined, a room
        # tidied, news of a person, a film, fame, material to read, aid sent, a step up.
        ("目前分頁的網址。", "目前分页的网址。"),
        (
            "定義新的分頁區域時，自動分頁符會被手動分頁符替換。",
            "定义新的分页区域时，自动分页符会被手动分页符替换。",
        ),
        ("將文章量設為 0 即可關閉分頁功能。", "将文章量设为 0 即可关闭分页功能。"),
        ("這輛車的安全裝置很完善。", "这辆车的安全装置很完善。"),
        ("他的裝置藝術作品在美術館展出。", "他的装置艺术作品在美术馆展出。"),
        ("游標會移到所選單元格。", "光标会移到所选单元格。"),  # 游標 → 光标 since session 53 (R)
        ("請保留購買憑證以便退貨。", "请保留购买凭证以便退货。"),
        ("主播與現場記者連線。", "主播与现场记者连线。"),
        ("政府要提升行政效能。", "政府要提升行政效能。"),
        ("他打破了該項目冬奧會紀錄。", "他打破了该项目冬奥会纪录。"),
        ("這部紀錄片很感人。", "这部纪录片很感人。"),
        ("這場改革開啟了新時代。", "这场改革开启了新时代。"),
        ("設定在每次開啟 Firefox 時就自動開啟 VPN。", "设置在每次打开 Firefox 时就自动开启 VPN。"),
        ("他昨天造訪了作家的故居。", "他昨天造访了作家的故居。"),
        ("法院宣告該公司破產。", "法院宣告该公司破产。"),
        ("曹組，字元寵，潁昌人。", "曹组，字元宠，颍昌人。"),
        ("這本書深入剖析了當代社會。", "这本书深入剖析了当代社会。"),
        ("請到 設定 > 一般 > 關於本機 查看版本。", "请到 设置 > 一般 > 关于本机 查看版本。"),
        ("政府將重新檢視這項政策。", "政府将重新检视这项政策。"),
        ("他重新整理了房間。", "他重新整理了房间。"),
        ("他出國後便音訊全無。", "他出国后便音讯全无。"),
        ("這部影片獲得了最佳影片獎。", "这部影片获得了最佳影片奖。"),
        ("他是著名的作家，效果十分顯著。", "他是著名的作家，效果十分显著。"),
        ("使用免費又完整的教學與參考資料學習網頁開發。", "使用免费又完整的教学与参考资料学习网页开发。"),
        ("他去圖書館查資料。", "他去图书馆查资料。"),
        ("中央已支援地方大批防疫物資。", "中央已支援地方大批防疫物资。"),
        ("積極進取，進階學習。", "积极进取，进阶学习。"),
        # Session 46 (tf): the `# Session 46 — from-hant` rules on sentences of other text (the hexo-docs zh-tw pages,
        # the sets' Taiwan labels, and plain examples): 匯出 / 匯入, 回應 of a server, 毀損, 清單 of a program, 封鎖 by
        # sense, 憑證 beside a certificate's verbs, 開啟 with the object farther off, 載入, 產生 of a program, 套用,
        # 回報 of a bug, 動作 undone, 註解 of code, 報表 of a crash, 數位 compounds, 檢視, 範例, a browser's tabs and data.
        ("GIMP 不僅可以匯入 SVG 影像，也能匯出 PNG。", "GIMP 不仅可以导入 SVG 影像，也能导出 PNG。"),
        (
            "根據請求引數，向服務端發出請求，接收服務端回應。",
            "根据请求参数，向服务端发出请求，接收服务端响应。",
        ),
        ("在回應標頭中新增一行。", "在响应标头中新增一行。"),
        ("設定檔已經毀損，請重新建立。", "配置文件已经损坏，请重新建立。"),
        ("已將此網站加入例外清單。", "已将此网站加入例外列表。"),
        ("擴充套件會封鎖廣告與彈出視窗。", "扩展会拦截广告与弹出窗口。"),
        ("您已封鎖此網站使用麥克風。", "您已阻止此网站使用麦克风。"),
        ("將這個主題封鎖後就不會再看到。", "将这个主题屏蔽后就不会再看到。"),
        ("不同的安卓系統安裝憑證的方式可能有所不同。", "不同的安卓系统安装证书的方式可能有所不同。"),
        ('E303: 無法開啟 "%s" 的交換檔案。', 'E303: 无法打开 "%s" 的交换文件。'),
        ("按 <F1> 鍵可以開啟說明視窗。", "按 <F1> 键可以打开说明窗口。"),
        ("執行後將自動在瀏覽器中開啟文件。", "执行后将自动在浏览器中打开文件。"),
        ("Hexo 就會在初始化時載入它們。", "Hexo 就会在初始化时加载它们。"),
        ("如果首先載入了錯誤的驅動程式，設備將無法工作。", "如果首先加载了错误的驱动程序，设备将无法工作。"),
        ("使用 Hexo 產生靜態檔案非常快速。", "使用 Hexo 生成静态文件非常快速。"),
        ("則不會為它套用主題。", "则不会为它应用主题。"),
        ("請回報這個bug。", "请报告这个bug。"),
        ("此動作無法復原。", "此操作无法复原。"),
        ("馬上註解掉那一行。", "马上注释掉那一行。"),
        ("錯誤報表已送出。", "错误报告已送出。"),
        ("數位相機儲存的 JPEG 檔。", "数码相机保存的 JPEG 档。"),
        ("你也可以檢視這個網站的原始碼。", "你也可以查看这个网站的源代码。"),
        ("以下是一個簡單範例：", "以下是一个简单示例："),
        ("同步您的書籤和其他資料。", "同步您的书签和其他数据。"),
        ("在手機與電腦間同步書籤、分頁、密碼。", "在手机与电脑间同步书签、标签页、密码。"),
        # Senses that stay as t2s writes them: a river and money, a reply of a person, a cordon, a list of things,
        # property destroyed, history, an effect, a formula, a return, a movement, a type annotation, a financial
        # report, a feature turned on, a digit's place, a blog's pagination, a program's view, a menu.
        ("河水最後匯入長江。", "河水最后汇入长江。"),
        ("公司匯出款項給供應商。", "公司汇出款项给供应商。"),
        ("截至發稿時，尚未收到回應。", "截至发稿时，尚未收到回应。"),
        ("警方封鎖出事區域。", "警方封锁出事区域。"),
        ("這是基本藥物標準清單。", "这是基本药物标准清单。"),
        ("他故意毀損他人財物。", "他故意毁损他人财物。"),
        ("必將載入中華民族發展史冊。", "必将载入中华民族发展史册。"),
        ("阿斯匹靈會對胃壁產生影響。", "阿司匹林会对胃壁产生影响。"),  # 阿司匹林 since session 53 (R)
        ("他只會套用公式。", "他只会套用公式。"),
        ("努力學習終將有所回報。", "努力学习终将有所回报。"),
        ("這個動作很優美。", "这个动作很优美。"),
        ("大大減少了型別註解的負擔。", "大大减少了类型注解的负担。"),
        ("集團財務報表的呈列。", "集团财务报表的呈列。"),
        ("開啟除錯模式。", "开启调试模式。"),
        ("藉助數位順序表讀數。", "借助数位顺序表读数。"),
        ("分類、標籤、分頁與相關文章一應俱全。", "分类、标签、分页与相关文章一应俱全。"),
        ("「地點檢視」顯示了資料庫中所有地點。", "「地点检视」显示了数据库中所有地点。"),
        ("在影像選單 檢視 → 顯示濾鏡 中找到。", "在影像菜单 检视 → 显示滤镜 中找到。"),
    ],
)
def test_a_traditional_note_on_the_simplified_site(source: str, expected: str) -> None:
    assert from_hant.converters(TW)["zhudu"](source) == expected
